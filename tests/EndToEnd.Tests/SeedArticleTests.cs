using System.Net;
using System.Text.Json.Nodes;
using NewsPlatform.TestKit;

namespace NewsPlatform.EndToEnd.Tests;

/// <summary>
/// The archive article in seeds/ is imported on first start and readers see it, through the gateway,
/// as its newsroom published it.
/// </summary>
[Collection(StackCollection.Name)]
public sealed class SeedArticleTests(Stack stack)
{
    const string Headline = "North Korean Soldiers Ordered to Commit Suicide to Avoid Capture";

    [Fact]
    public async Task The_home_page_lists_the_seed_headline()
    {
        var home = await Eventually.MatchAsync(() => stack.Client.GetStringAsync("/"), html => html.Contains(Headline),
            TimeSpan.FromSeconds(90), "the seed headline on the home page");
        Assert.Contains(Headline, Pages.Text(Pages.Parse(home).Body!));
    }

    [Fact]
    public async Task The_seed_article_page_shows_byline_time_section_credit_headings_and_quotes()
    {
        var url = await SeedUrlAsync();
        var page = Pages.Parse(await stack.Client.GetStringAsync(url));
        var article = page.QuerySelector("article") ?? throw new Xunit.Sdk.XunitException("no <article> element");
        var text = Pages.Text(article);

        Assert.Equal(Headline, Pages.Text(page.QuerySelector("h1")!));
        Assert.Contains("Camilla Jessen", text);
        Assert.Contains("14 January 2025", text);
        Assert.Contains("1:36 PM CET", text);
        Assert.Contains("News", Pages.Text(page.Body!));
        Assert.Equal(1, Pages.Occurrences(Pages.Text(page.Body!), "Photo: Stefan Bruder / Shutterstock.com"));
        Assert.DoesNotContain(article.QuerySelectorAll("img"), img => string.IsNullOrEmpty(img.GetAttribute("src")));

        var headings = article.QuerySelectorAll("h2").Select(Pages.Text).ToList();
        Assert.Contains("First North Korean Soldiers Captured", headings);
        Assert.Contains("Putin’s Growing Dependence on North Korea", headings);
        Assert.Contains("“Russian and North Korean forces often execute their own wounded", text);
        Assert.Contains("he cannot sustain his war without military aid from North Korea,” Zelenskyy said.", text);
        Assert.DoesNotContain("trending now", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_seed_is_imported_once_however_often_the_service_starts()
    {
        var feed = JsonNode.Parse(await stack.Client.GetStringAsync("/api/feed/articles?limit=50"))!;
        Assert.Single(feed["items"]!.AsArray(), item => (string?)item!["headline"] == Headline);
    }

    async Task<string> SeedUrlAsync()
    {
        var feed = await Eventually.MatchAsync(
            async () => JsonNode.Parse(await stack.Client.GetStringAsync("/api/feed/articles?section=news"))!,
            f => f["items"]!.AsArray().Any(i => (string?)i!["headline"] == Headline),
            TimeSpan.FromSeconds(90), "the seed article in the news feed");
        var item = feed["items"]!.AsArray().First(i => (string?)i!["headline"] == Headline)!;
        Assert.Equal("2025-01-14T12:36:00Z", ((DateTimeOffset)item["publishedAt"]!).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        var url = new Uri((string)item["url"]!, UriKind.RelativeOrAbsolute);
        var path = url.IsAbsoluteUri ? url.PathAndQuery : url.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await stack.Client.GetAsync(path)).StatusCode);
        return path;
    }
}
