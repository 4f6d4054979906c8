using System.Text;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Pages;
using NewsPlatform.ReaderFeed.Tests.Fixtures;
using NewsPlatform.TestKit;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

[Collection(ReaderFeedCollection.Name)]
public class PageCacheTests(ReaderFeedHost host)
{
    [Fact]
    public async Task A_page_cache_too_small_for_the_site_evicts_pages_but_never_serves_one_older_than_the_read_models()
    {
        // Given eight articles and a page cache with room for three of their pages
        var articles = Enumerable.Range(0, 8).Select(i => Seed.Article(section: "science", headline: $"Telescope finds comet {i}")).ToList();
        foreach (var article in articles) await host.PublishAndWaitAsync(Seed.Published(article));
        var shared = host.Services.GetRequiredService<SiteContext>();
        var changes = host.Services.GetRequiredService<ReadModelChanges>();
        var pageBytes = (await ArticleRoute.Handle("science", articles[0].Slug, shared)).Response.Body.Length;
        var cache = new PageCache(changes, TimeProvider.System, 3 * (pageBytes + 1024));
        var site = shared with { Cache = cache };

        // When readers open them in random order while editors revise some
        var headlines = articles.Select(a => a.Headline).ToArray();
        var random = new Random(2);
        for (var step = 0; step < 60; step++)
        {
            var i = random.Next(articles.Count);
            if (step % 6 == 5)
            {
                headlines[i] = $"Telescope finds comet {i}, revision {step}";
                var before = changes.Generation;
                await host.PublishAndWaitAsync(Seed.Revised(articles[i] with { Headline = headlines[i] }, step + 2));
                // Committed and announced: from here on, a page without the revision would be stale.
                await Eventually.MatchAsync(() => Task.FromResult(changes.Generation), g => g > before, TimeSpan.FromSeconds(10), "the change notification");
            }

            // Then every page shows the newest headline, and the cache stays within its size
            var page = await ArticleRoute.Handle("science", articles[i].Slug, site);
            Assert.Equal(200, page.Response.StatusCode);
            var title = Html.Parse(Encoding.UTF8.GetString(page.Response.Body)).Text("h1");
            Assert.Equal(headlines[i], title);
            Assert.True(cache.Bytes <= cache.MaxBytes, $"{cache.Bytes} bytes held, limit {cache.MaxBytes}");
            Assert.InRange(cache.Count, 0, 3);
        }
        Assert.InRange(cache.HitRatio, 0.05, 0.95);
    }
}
