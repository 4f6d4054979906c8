using System.Text;
using System.Xml.Linq;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Feeds;
using NewsPlatform.ReaderFeed.Pages;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Feeds;

[Collection(ReaderFeedCollection.Name)]
public class SitemapCoverageTests(ReaderFeedHost host)
{
    static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task Sitemap_children_list_every_live_article_exactly_once_and_none_holds_more_than_the_limit()
    {
        // Given five articles in one month (more than a child of two holds), two on either side of a month's
        // boundary, and some unpublished or renamed
        var march = Enumerable.Range(0, 5)
            .Select(i => Seed.Article(section: "culture", publishedAt: new DateTimeOffset(2019, 3, 2 + 5 * i, 10, 0, 0, TimeSpan.Zero))).ToList();
        var endOfApril = Seed.Article(section: "culture", publishedAt: new DateTimeOffset(2019, 4, 30, 23, 59, 59, TimeSpan.Zero));
        var startOfMay = Seed.Article(section: "culture", publishedAt: new DateTimeOffset(2019, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var withdrawn = Seed.Article(section: "culture", publishedAt: new DateTimeOffset(2019, 4, 12, 9, 0, 0, TimeSpan.Zero));
        foreach (var article in march.Append(endOfApril).Append(startOfMay).Append(withdrawn))
            await host.PublishAndWaitAsync(Seed.Published(article));
        await host.PublishAndWaitAsync(Seed.Unpublished(withdrawn, 2));
        await host.PublishAndWaitAsync(Seed.Unpublished(march[1], 2));
        await host.PublishAndWaitAsync(Seed.SlugChanged(march[2], 2, "renamed-in-march"));

        // When a crawler reads the index and every child it names, with at most two URLs per child
        const int limit = 2;
        var site = host.Services.GetRequiredService<SiteContext>();
        var index = Parse(await Sitemaps.RenderIndexAsync(site, limit));
        var listed = new List<string>();
        var children = index.Descendants(Sitemap + "loc").Select(l => l.Value).Where(l => !l.EndsWith("/pages.xml")).ToList();
        foreach (var loc in children)
        {
            Assert.True(Sitemaps.Child.TryParse(loc[(loc.LastIndexOf('/') + 1)..], out var child), loc);
            var response = await Sitemaps.RenderChildAsync(site, child!, limit);
            Assert.Equal(200, response.StatusCode);
            var urls = Parse(response).Descendants(Sitemap + "loc").Select(l => l.Value[ReaderFeedHost.SiteUrl.Length..]).ToList();
            Assert.InRange(urls.Count, 1, limit);
            listed.AddRange(urls);
        }

        // Then the children together are exactly the live articles: none twice, none missing, nothing unpublished
        await using var session = host.Store.QuerySession();
        var live = await session.Query<ArticleView>().Where(a => a.Status == ArticleStatus.Live).Select(a => a.Path).ToListAsync();
        Assert.Equal(live.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.DoesNotContain($"/culture/{withdrawn.Slug}", listed);
        Assert.DoesNotContain($"/culture/{march[1].Slug}", listed);
        Assert.Contains("/culture/renamed-in-march", listed);
        Assert.Equal(["/sitemaps/2019-03.xml", "/sitemaps/2019-03-2.xml"], children.Where(c => c.Contains("2019-03")).Select(c => c[ReaderFeedHost.SiteUrl.Length..]));
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/sitemaps/2019-04.xml", children);
        Assert.Contains($"{ReaderFeedHost.SiteUrl}/sitemaps/2019-05.xml", children);
    }

    static XDocument Parse(NewsPlatform.ReaderFeed.Caching.CachedResponse response) => XDocument.Parse(Encoding.UTF8.GetString(response.Body));
}
