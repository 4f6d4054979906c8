using System.Net;
using System.Text.Json;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

/// <summary>Search as a reader uses it, on real PostgreSQL (RUM index, pg_trgm vocabulary) behind real Kestrel.</summary>
[Collection(ReaderFeedCollection.Name)]
public class SearchTests(ReaderFeedHost host)
{
    static string Unique(string word) => word + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6).ToArray());

    [Fact]
    public async Task Paging_through_results_shows_each_match_once_while_new_matches_are_published()
    {
        var word = Unique("harbour");
        var earlier = Enumerable.Range(0, 45).Select(i => Seed.Article(section: "business", headline: $"Port story {i}",
            standfirst: i % 3 == 0 ? $"The {word} again." : "Trade news.", body: $"Cranes at the {word} number {i}.",
            publishedAt: DateTimeOffset.UtcNow.AddHours(-i))).ToList();
        foreach (var article in earlier) await host.PublishAndWaitAsync(Seed.Published(article));

        var seen = new List<string>();
        var page = Html.Parse(await host.GetStringAsync($"/search?q={word}"));
        Assert.Equal($"45 results for “{word}”", page.Text(".result-count"));
        Assert.Equal(["1", "2", "3"], page.QuerySelectorAll(".search-pager a[aria-label], .search-pager [aria-current]").Select(e => e.TextContent));
        seen.AddRange(page.QuerySelectorAll(".search-results .card-headline a").Select(a => a.GetAttribute("href")!));

        // Newer, stronger matches arrive between pages: the search being paged through neither repeats nor skips.
        for (var i = 0; i < 3; i++)
            await host.PublishAndWaitAsync(Seed.Published(Seed.Article(section: "business", headline: $"The {word} {i}", body: $"{word} {word}.",
                publishedAt: DateTimeOffset.UtcNow)));
        while (page.QuerySelector(".search-pager a[rel=next]")?.GetAttribute("href") is { } next)
        {
            Assert.Contains("asof=", next);
            page = Html.Parse(await host.GetStringAsync(next));
            seen.AddRange(page.QuerySelectorAll(".search-results .card-headline a").Select(a => a.GetAttribute("href")!));
        }
        Assert.Equal(45, seen.Count);
        Assert.Equal(earlier.Select(a => $"/business/{a.Slug}").Order(), seen.Order());
        Assert.Equal("3", page.Text(".search-pager [aria-current=page]"));
        Assert.NotNull(page.QuerySelector(".search-pager a[rel=prev]"));

        // A new search sees the new articles first.
        var fresh = Html.Parse(await host.GetStringAsync($"/search?q={word}"));
        Assert.Equal($"48 results for “{word}”", fresh.Text(".result-count"));
        Assert.StartsWith($"The {word}", fresh.Text(".search-results .card-headline"));
    }

    [Fact]
    public async Task The_json_cursor_pages_through_a_search_without_repeats_or_gaps_while_articles_are_published()
    {
        var word = Unique("lantern");
        var earlier = Enumerable.Range(0, 12).Select(i => Seed.Article(headline: $"Night market {i}", body: $"A {word} for every stall {i}.",
            publishedAt: DateTimeOffset.UtcNow.AddDays(-i))).ToList();
        foreach (var article in earlier) await host.PublishAndWaitAsync(Seed.Published(article));

        var ids = new List<Guid>();
        var json = await Json($"/api/feed/search?q={word}&limit=5");
        Assert.Equal(12, json.GetProperty("matches").GetInt32());
        Assert.False(json.GetProperty("moreMatches").GetBoolean());
        while (true)
        {
            ids.AddRange(json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            if (json.GetProperty("nextCursor").GetString() is not { } cursor) break;
            await host.PublishAndWaitAsync(Seed.Published(Seed.Article(headline: $"The {word} festival", body: word, publishedAt: DateTimeOffset.UtcNow)));
            json = await Json($"/api/feed/search?q={word}&limit=5&cursor={Uri.EscapeDataString(cursor)}");
        }
        Assert.Equal(earlier.Select(a => a.ArticleId).Order(), ids.Order());
    }

    [Fact]
    public async Task Bylines_and_tags_are_searched()
    {
        var family = Unique("Vinterberg");
        var tag = Unique("ferries");
        var byline = Seed.Article(section: "culture", headline: "A season of chamber music", body: "Quartets all summer.", authors: [$"Astrid {family}"]);
        var tagged = Seed.Article(section: "news", headline: "Crossings cancelled in the storm", body: "Boats stayed in port.") with { Tags = [tag, "weather"] };
        await host.PublishAndWaitAsync(Seed.Published(byline));
        await host.PublishAndWaitAsync(Seed.Published(tagged));

        var byAuthor = Html.Parse(await host.GetStringAsync($"/search?q={Uri.EscapeDataString($"Astrid {family}")}"));
        Assert.Equal([$"/culture/{byline.Slug}"], byAuthor.QuerySelectorAll(".search-results .card-headline a").Select(a => a.GetAttribute("href")));
        Assert.Equal($"Astrid {family}", byAuthor.Text(".search-results .card-meta span"));

        var byTag = Html.Parse(await host.GetStringAsync($"/search?q={tag}"));
        Assert.Equal([$"/news/{tagged.Slug}"], byTag.QuerySelectorAll(".search-results .card-headline a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_misspelt_word_gets_a_suggestion_that_finds_the_article()
    {
        var article = Seed.Article(section: "politics", headline: "Parliament passes the budget",
            standfirst: "A late-night vote.", body: "The parliament sat until dawn.");
        await host.PublishAndWaitAsync(Seed.Published(article));

        var page = Html.Parse(await host.GetStringAsync("/search?q=parliment+budget"));
        var suggestion = page.QuerySelector(".did-you-mean a")!;
        Assert.Equal("parliament budget", suggestion.TextContent);
        Assert.Equal("Did you mean parliament budget?", page.Text(".did-you-mean"));

        var corrected = Html.Parse(await host.GetStringAsync(suggestion.GetAttribute("href")!));
        Assert.Null(corrected.QuerySelector(".did-you-mean"));
        Assert.Contains(corrected.QuerySelectorAll(".search-results .card-headline a"), a => a.GetAttribute("href") == $"/politics/{article.Slug}");
        Assert.Contains(corrected.QuerySelectorAll(".search-results .card-headline mark"), m => m.TextContent == "Parliament");

        var json = await Json("/api/feed/search?q=parliment");
        Assert.Equal("parliament", json.GetProperty("didYouMean").GetString());
    }

    [Fact]
    public async Task The_search_page_has_one_search_box()
    {
        var page = Html.Parse(await host.GetStringAsync("/search?q=harbour"));
        var box = Assert.Single(page.QuerySelectorAll("input[type=search]"));
        Assert.Equal("harbour", box.GetAttribute("value"));
        Assert.Single(Html.Parse(await host.GetStringAsync("/")).QuerySelectorAll("input[type=search]"));
    }

    [Theory]
    [InlineData("/search?q=the+and+of", HttpStatusCode.OK, "too common to search for")]
    [InlineData("/search?q=harbour&page=0", HttpStatusCode.BadRequest, "page number must be a whole number from 1 to 50")]
    [InlineData("/search?q=harbour&page=two", HttpStatusCode.BadRequest, "“two” is not")]
    [InlineData("/search?q=harbour&asof=yesterday", HttpStatusCode.BadRequest, "asof")]
    public async Task Bad_search_input_gets_a_clear_answer_on_the_page(string path, HttpStatusCode status, string message)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.Text(".notice"));
        Assert.Empty(page.QuerySelectorAll(".search-results article"));
        Assert.NotNull(page.QuerySelector("#search-query"));
    }

    [Fact]
    public async Task A_query_that_is_too_long_is_refused_and_says_how_long_it_may_be()
    {
        var response = await host.Client.GetAsync("/search?q=" + new string('a', 300));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Search terms can be at most 200 characters long; these are 300.", page.Text(".notice"));
        Assert.Equal(200, page.QuerySelector("#search-query")!.GetAttribute("value")!.Length);

        var empty = await host.Client.GetAsync("/search?q=");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var emptyPage = Html.Parse(await empty.Content.ReadAsStringAsync());
        Assert.Null(emptyPage.QuerySelector(".result-count"));
        Assert.NotNull(emptyPage.QuerySelector("#search-query"));
    }

    [Theory]
    [InlineData("/api/feed/search?q=lantern&cursor=bogus", "cursor")]
    [InlineData("/api/feed/search?q=the", "q has no word to search for")]
    [InlineData("/api/feed/search?q=%21%21%21", "q has no word to search for")]
    public async Task Bad_search_input_in_the_json_api_is_a_problem_naming_it(string path, string detail)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    async Task<JsonElement> Json(string path) => JsonDocument.Parse(await host.GetStringAsync(path)).RootElement;
}
