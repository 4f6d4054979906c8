using System.Net;
using System.Xml.Linq;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Feeds;

[Collection(ReaderFeedCollection.Name)]
public class FeedTests(ReaderFeedHost host)
{
    static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    async Task<XDocument> Xml(string path, string contentType)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_site_and_section_rss_feeds_are_rss_2_with_the_required_elements()
    {
        var photo = Seed.Photo();
        var article = Seed.Article(section: "world", headline: "Nordic ministers agree on Arctic plan", heroMediaId: photo.MediaId,
            publishedAt: DateTimeOffset.UtcNow.AddHours(-1));
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        await host.PublishAndWaitAsync(Seed.Published(article));

        foreach (var (path, title) in new[] { ("/rss.xml", "The Copenhagen Post"), ("/world/rss.xml", "The Copenhagen Post: World") })
        {
            var rss = await Eventually(() => Xml(path, "application/rss+xml"), x => x.Descendants("item").Any(i => (string?)i.Element("title") == article.Headline));
            Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
            var channel = rss.Root.Element("channel")!;
            Assert.Equal(title, (string?)channel.Element("title"));
            Assert.False(string.IsNullOrEmpty((string?)channel.Element("link")));
            Assert.False(string.IsNullOrEmpty((string?)channel.Element("description")));
            Assert.Equal($"{ReaderFeedHost.SiteUrl}{path}", channel.Element(Atom + "link")!.Attribute("href")!.Value);

            var item = channel.Elements("item").Single(i => (string?)i.Element("title") == article.Headline);
            Assert.Equal($"{ReaderFeedHost.SiteUrl}/world/{article.Slug}", (string?)item.Element("link"));
            Assert.Equal(article.Standfirst, (string?)item.Element("description"));
            Assert.Equal($"urn:uuid:{article.ArticleId}", (string?)item.Element("guid"));
            Assert.Equal("false", item.Element("guid")!.Attribute("isPermaLink")!.Value);
            Assert.Equal(article.PublishedAt.ToUniversalTime().ToString("r"), (string)item.Element("pubDate")!);
            Assert.Equal("Camilla Jessen", (string?)item.Element(Dc + "creator"));
            Assert.Equal("World", (string?)item.Element("category"));
        }

        var worldItems = (await Xml("/world/rss.xml", "application/rss+xml")).Descendants("item").Select(i => (string)i.Element("category")!);
        Assert.All(worldItems, c => Assert.Equal("World", c));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/no-such-section/rss.xml")).StatusCode);
    }

    [Fact]
    public async Task The_sitemap_lists_the_home_page_sections_and_every_live_article()
    {
        var live = Seed.Article(section: "politics");
        var gone = Seed.Article(section: "politics");
        await host.PublishAndWaitAsync(Seed.Published(live));
        await host.PublishAndWaitAsync(Seed.Published(gone));
        await host.PublishAndWaitAsync(Seed.Unpublished(gone, 2));

        var sitemap = await Eventually(() => Xml("/sitemap.xml", "application/xml"),
            x => x.Descendants(Sitemap + "loc").Any(l => l.Value.EndsWith(live.Slug)) && x.Descendants(Sitemap + "loc").All(l => !l.Value.EndsWith(gone.Slug)));
        Assert.Equal(Sitemap + "urlset", sitemap.Root!.Name);
        var locs = sitemap.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/", locs);
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/news", locs);
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/politics/{live.Slug}", locs);
        Assert.DoesNotContain($"{ReaderFeedHost.SiteUrl}/politics/{gone.Slug}", locs);
        Assert.Equal(locs.Count, locs.Distinct().Count());
        var entry = sitemap.Descendants(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith(live.Slug));
        Assert.True(DateTimeOffset.TryParse(entry.Element(Sitemap + "lastmod")!.Value, out _));
    }

    [Fact]
    public async Task The_news_sitemap_has_only_the_last_two_days()
    {
        var recent = Seed.Article(section: "business", headline: "Krone steady as markets open", publishedAt: DateTimeOffset.UtcNow.AddHours(-3));
        var old = Seed.Article(section: "business", headline: "Last week's market wrap", publishedAt: DateTimeOffset.UtcNow.AddDays(-3));
        await host.PublishAndWaitAsync(Seed.Published(recent));
        await host.PublishAndWaitAsync(Seed.Published(old));

        var news = await Eventually(() => Xml("/sitemap-news.xml", "application/xml"),
            x => x.Descendants(Sitemap + "loc").Any(l => l.Value.EndsWith(recent.Slug)));
        var locs = news.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.DoesNotContain($"{ReaderFeedHost.SiteUrl}/business/{old.Slug}", locs);
        Assert.All(news.Descendants(News + "publication_date"),
            d => Assert.True(DateTimeOffset.Parse(d.Value) >= DateTimeOffset.UtcNow.AddDays(-2).AddMinutes(-1), d.Value));

        var url = news.Descendants(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith(recent.Slug));
        var item = url.Element(News + "news")!;
        Assert.Equal("The Copenhagen Post", item.Element(News + "publication")!.Element(News + "name")!.Value);
        Assert.Equal("en", item.Element(News + "publication")!.Element(News + "language")!.Value);
        Assert.Equal("Krone steady as markets open", item.Element(News + "title")!.Value);
        Assert.Equal(recent.PublishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), item.Element(News + "publication_date")!.Value);
    }

    [Fact]
    public async Task Robots_txt_points_at_both_sitemaps()
    {
        var robots = await host.GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {ReaderFeedHost.SiteUrl}/sitemap.xml", robots);
        Assert.Contains($"Sitemap: {ReaderFeedHost.SiteUrl}/sitemap-news.xml", robots);
    }

    static Task<XDocument> Eventually(Func<Task<XDocument>> read, Func<XDocument, bool> done) =>
        TestKit.Eventually.MatchAsync(read, done, TimeSpan.FromSeconds(15), "the feed to show the change");
}
