using System.Net;
using System.Text.Json;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

/// <summary>Readers paging back through a list while the newsroom keeps publishing: every article once, none skipped.</summary>
[Collection(ReaderFeedCollection.Name)]
public class PagingTests(ReaderFeedHost host)
{
    /// <summary>Times as a clock gives them, finer than PostgreSQL's microseconds, and two articles published at the same instant.</summary>
    static List<PublicArticle> Articles(string section, int count, DateTimeOffset newest) =>
        Enumerable.Range(0, count).Select(i => Seed.Article(section: section, headline: $"{section} story {i:00}",
            publishedAt: newest.AddMinutes(i == 1 ? -2 : -i).AddTicks(7))).ToList();

    [Fact]
    public async Task Feed_api_pages_list_every_article_once_while_newer_ones_are_published()
    {
        var originals = Articles("ledger", 11, DateTimeOffset.UtcNow.AddDays(-1));
        foreach (var article in originals) await host.PublishAndWaitAsync(Seed.Published(article));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Json($"/api/feed/articles?section=ledger&limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("headline").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            // Between pages the newsroom publishes something newer.
            await host.PublishAndWaitAsync(Seed.Published(Seed.Article(section: "ledger", headline: $"ledger breaking {pages}", publishedAt: DateTimeOffset.UtcNow)));
            pages++;
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(originals.Select(a => a.Headline).Order(), seen.Order());
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task Older_articles_links_walk_a_section_without_duplicates_or_gaps_while_newer_ones_are_published()
    {
        var originals = Articles("almanac", 45, DateTimeOffset.UtcNow.AddDays(-2));
        foreach (var article in originals) await host.PublishAndWaitAsync(Seed.Published(article));

        var seen = new List<string>();
        string? next = "/almanac";
        var pages = 0;
        while (next is not null && pages < 10)
        {
            var response = await host.Client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            seen.AddRange(page.QuerySelectorAll(".card-headline").Select(h => h.TextContent).Where(h => h.StartsWith("almanac story")));
            next = page.QuerySelector("a[rel='next']")?.GetAttribute("href");
            await host.PublishAndWaitAsync(Seed.Published(Seed.Article(section: "almanac", headline: $"almanac breaking {pages}", publishedAt: DateTimeOffset.UtcNow)));
            pages++;
        }

        Assert.Equal(originals.Select(a => a.Headline).Order(), seen.Order());
        Assert.Equal(3, pages);
    }

    async Task<JsonElement> Json(string path)
    {
        var response = await host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
