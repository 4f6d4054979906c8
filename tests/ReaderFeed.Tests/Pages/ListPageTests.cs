using System.Net;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

[Collection(ReaderFeedCollection.Name)]
public class ListPageTests(ReaderFeedHost host)
{
    [Fact]
    public async Task The_home_page_shows_the_latest_articles_sections_and_trending_now()
    {
        var business = Seed.Article(section: "business", headline: "Shipping rates climb again", publishedAt: host.NextLeadPublishedAt());
        var world = Seed.Article(section: "world", headline: "World leaders meet in Copenhagen", publishedAt: host.NextLeadPublishedAt());
        var olderWorld = Seed.Article(section: "world", headline: "Nordic council meets", publishedAt: DateTimeOffset.UtcNow.AddHours(-2));
        await host.PublishAndWaitAsync(Seed.Published(olderWorld));
        await host.PublishAndWaitAsync(Seed.Published(world));
        await host.PublishAndWaitAsync(Seed.Published(business));
        await host.PublishAndWaitAsync(Seed.Trending(host.NextTrendingAsOf(), business, world));

        var page = Html.Parse(await host.WaitForPageAsync("/", h => h.Contains("Shipping rates climb again") && h.Contains("Trending Now"), "the home page"));
        Assert.Equal("World leaders meet in Copenhagen", page.Text(".lead-story .card-headline"));
        Assert.Contains(page.QuerySelectorAll(".section-block h2"), h => h.TextContent == "World");
        Assert.Contains(page.QuerySelectorAll(".section-block h2"), h => h.TextContent == "Business");
        Assert.DoesNotContain(page.QuerySelectorAll(".section-block .card-headline"), h => h.TextContent == "World leaders meet in Copenhagen");
        var trending = page.QuerySelectorAll(".trending li a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal(("Shipping rates climb again", $"/business/{business.Slug}"), trending[0]);
        Assert.Equal(("World leaders meet in Copenhagen", $"/world/{world.Slug}"), trending[1]);
        Assert.Equal("Trending Now", page.Text(".trending h2"));
        Assert.Equal(["News", "World", "Politics", "Business", "Sports", "Culture", "Opinion"],
            page.QuerySelectorAll("nav[aria-label='Sections'] a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task Trending_now_follows_renames_and_drops_unpublished_articles()
    {
        var kept = Seed.Article(section: "culture", headline: "Opera house reopens");
        var removed = Seed.Article(section: "culture", headline: "Gallery closes for good");
        await host.PublishAndWaitAsync(Seed.Published(kept));
        await host.PublishAndWaitAsync(Seed.Published(removed));
        await host.PublishAndWaitAsync(Seed.Trending(host.NextTrendingAsOf(), removed, kept));
        await host.PublishAndWaitAsync(Seed.SlugChanged(kept, 2, "opera-house-reopens-after-renovation"));
        await host.PublishAndWaitAsync(Seed.Unpublished(removed, 2));

        var page = Html.Parse(await host.WaitForPageAsync($"/culture/opera-house-reopens-after-renovation",
            h => h.Contains("opera-house-reopens-after-renovation") && !h.Contains("Gallery closes for good"), "the trending box to update"));
        var first = page.QuerySelector(".trending li a")!;
        Assert.Equal("Opera house reopens", first.TextContent);
        Assert.Equal("/culture/opera-house-reopens-after-renovation", first.GetAttribute("href"));
    }

    [Fact]
    public async Task A_section_page_shows_its_own_trending_list_when_there_is_one()
    {
        var local = Seed.Article(section: "business", headline: "Pension funds rethink bonds");
        await host.PublishAndWaitAsync(Seed.Published(local));
        var sectionList = new TrendingChangedV1(Guid.NewGuid(), DateTimeOffset.UtcNow, host.NextTrendingAsOf(), "business",
            [new TrendingItem(local.ArticleId, local.Headline, $"/business/{local.Slug}", "business", 5)]);
        await host.PublishAndWaitAsync(sectionList);

        var page = Html.Parse(await host.WaitForPageAsync("/business", h => h.Contains("Pension funds rethink bonds</a></li>"), "the section's trending list"));
        Assert.Equal(["Pension funds rethink bonds"], page.QuerySelectorAll(".trending li a").Select(a => a.TextContent));
        var home = Html.Parse(await host.GetStringAsync("/"));
        Assert.DoesNotContain(home.QuerySelectorAll(".trending li a"), a => a.TextContent == "Pension funds rethink bonds");
    }

    [Fact]
    public async Task A_section_page_lists_its_articles_newest_first_with_an_older_link()
    {
        // Only this test publishes in Sports.
        var start = DateTimeOffset.Parse("2024-06-01T08:00:00Z");
        var events = Enumerable.Range(0, 22)
            .Select(i => Seed.Published(Seed.Article(section: "sports", headline: $"Match report {i:00}", publishedAt: start.AddHours(i))))
            .ToList();
        foreach (var e in events) await host.PublishAsync(e);
        foreach (var e in events) await host.WaitUntilAppliedAsync(e, e.EventId);

        var first = Html.Parse(await host.WaitForPageAsync("/sports", h => h.Contains("Match report 21") && h.Contains("Match report 02"), "the sports page"));
        Assert.Equal("Sports", first.Text("main h1"));
        Assert.Equal("page", first.QuerySelector("nav[aria-label='Sections'] a[href='/sports']")!.GetAttribute("aria-current"));
        var headlines = first.QuerySelectorAll(".card-headline").Select(h => h.TextContent).ToList();
        Assert.Equal(Enumerable.Range(2, 20).Reverse().Select(i => $"Match report {i:00}"), headlines);
        Assert.Equal("/sports/rss.xml", first.QuerySelector("link[type='application/rss+xml'][href^='/sports']")!.GetAttribute("href"));

        var older = first.QuerySelector("a[rel='next']")!.GetAttribute("href")!;
        var second = Html.Parse(await host.GetStringAsync(older));
        Assert.Equal(["Match report 01", "Match report 00"], second.QuerySelectorAll(".card-headline").Select(h => h.TextContent));
        Assert.Null(second.QuerySelector("a[rel='next']"));

        var bad = await host.Client.GetAsync("/sports?cursor=forged");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task An_author_page_lists_their_articles()
    {
        var mine = Seed.Article(section: "opinion", headline: "Why the harbour bath matters", authors: ["Mette Frøkjær", "Camilla Jessen"]);
        var theirs = Seed.Article(section: "opinion", headline: "Bikes, not cars", authors: ["Someone Else"]);
        await host.PublishAndWaitAsync(Seed.Published(mine));
        await host.PublishAndWaitAsync(Seed.Published(theirs));

        var page = Html.Parse(await host.WaitForPageAsync("/authors/mette-frokjaer", h => h.Contains("Why the harbour bath matters"), "the author page"));
        Assert.Equal("Mette Frøkjær", page.Text("main h1"));
        Assert.Equal(["Why the harbour bath matters"], page.QuerySelectorAll(".card-headline").Select(h => h.TextContent));

        var article = Html.Parse(await host.GetStringAsync($"/opinion/{mine.Slug}"));
        Assert.Equal("Written by Mette Frøkjær and Camilla Jessen", article.Text(".byline"));
        Assert.Equal(["/authors/mette-frokjaer", "/authors/camilla-jessen"], article.QuerySelectorAll(".byline a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Search_finds_articles_ranked_by_headline_then_standfirst_then_body_with_highlights()
    {
        var word = "zeppelin" + Guid.NewGuid().ToString("N")[..6];
        var inBody = Seed.Article(section: "politics", headline: "Budget talks continue", standfirst: "Parties meet again.", body: $"The {word} was mentioned once.");
        var inStandfirst = Seed.Article(section: "politics", headline: "Airships return", standfirst: $"A {word} over the harbour.", body: "Nothing else.");
        var inHeadline = Seed.Article(section: "politics", headline: $"The {word} lands", standfirst: "Crowds gather.", body: "Nothing more.");
        await host.PublishAndWaitAsync(Seed.Published(inBody));
        await host.PublishAndWaitAsync(Seed.Published(inStandfirst));
        await host.PublishAndWaitAsync(Seed.Published(inHeadline));

        var page = Html.Parse(await host.GetStringAsync($"/search?q={word}"));
        Assert.Equal(["/politics/" + inHeadline.Slug, "/politics/" + inStandfirst.Slug, "/politics/" + inBody.Slug],
            page.QuerySelectorAll(".search-results .card-headline a").Select(a => a.GetAttribute("href")));
        Assert.Equal(word, page.QuerySelector(".search-results .card-headline mark")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".snippet mark"), m => m.TextContent == word);
        Assert.Equal($"3 results for “{word}”", page.Text(".result-count"));
        Assert.Equal(word, page.QuerySelector("#search-query")!.GetAttribute("value"));

        await host.PublishAndWaitAsync(Seed.Unpublished(inBody, 2));
        var after = Html.Parse(await host.GetStringAsync($"/search?q={word}"));
        Assert.Equal(2, after.QuerySelectorAll(".search-results article").Length);

        var empty = Html.Parse(await host.GetStringAsync("/search"));
        Assert.Empty(empty.QuerySelectorAll(".search-results article"));
        var tooLong = await host.Client.GetAsync("/search?q=" + new string('a', 300));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }
}
