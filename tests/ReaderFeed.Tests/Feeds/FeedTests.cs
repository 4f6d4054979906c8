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
    public async Task The_sitemap_index_names_the_pages_and_a_child_per_month_that_lists_its_live_articles()
    {
        var live = Seed.Article(section: "politics", publishedAt: new DateTimeOffset(2021, 6, 9, 8, 0, 0, TimeSpan.Zero));
        var gone = Seed.Article(section: "politics", publishedAt: new DateTimeOffset(2021, 6, 10, 8, 0, 0, TimeSpan.Zero));
        await host.PublishAndWaitAsync(Seed.Published(live));
        await host.PublishAndWaitAsync(Seed.Published(gone));
        await host.PublishAndWaitAsync(Seed.Unpublished(gone, 2));

        var index = await Xml("/sitemap.xml", "application/xml");
        Assert.Equal(Sitemap + "sitemapindex", index.Root!.Name);
        var children = index.Descendants(Sitemap + "sitemap").ToDictionary(s => s.Element(Sitemap + "loc")!.Value, s => s.Element(Sitemap + "lastmod")?.Value);
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/sitemaps/pages.xml", children.Keys);
        var june = $"{ReaderFeedHost.SiteUrl}/sitemaps/2021-06.xml";
        Assert.True(DateTimeOffset.TryParse(children[june], out _));

        var pages = (await Xml("/sitemaps/pages.xml", "application/xml")).Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/", pages);
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/news", pages);

        var response = await host.Client.GetAsync("/sitemaps/2021-06.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TimeSpan.FromDays(1), response.Headers.CacheControl!.MaxAge);
        Assert.NotNull(response.Headers.ETag);
        var month = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var locs = month.Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/politics/{live.Slug}", locs);
        Assert.DoesNotContain($"{ReaderFeedHost.SiteUrl}/politics/{gone.Slug}", locs);
        var entry = month.Descendants(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith(live.Slug));
        Assert.True(DateTimeOffset.TryParse(entry.Element(Sitemap + "lastmod")!.Value, out _));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/sitemaps/2021-06.xml");
        revalidate.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await host.Client.SendAsync(revalidate)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/sitemaps/1901-02.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/sitemaps/2021-06-1.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/sitemaps/2021-13.xml")).StatusCode);
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
