using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(ScaleOutCollection.Name)]
public class ShutdownTests
{
    [Fact]
    public async Task Views_still_buffered_when_a_node_stops_gracefully_are_published_and_scored()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var clock = new TestClock(DateTimeOffset.Parse("2025-01-14T12:00:00Z"));
        var article = Articles.Public(Guid.NewGuid(), "news", "Rolling update");

        // A node that would not flush for an hour: whatever it accepted is only in its memory.
        var stopping = await TrendingHost.StartAsync(infrastructure, clock, new Dictionary<string, string?> { ["Trending:FlushInterval"] = "01:00:00" });
        await stopping.PublishAsync(Articles.Published(article));
        await stopping.WaitForStateAsync(article.ArticleId, ArticleState.Live);
        await stopping.ViewManyAsync(article.ArticleId, 25);
        var stats = await stopping.StatsAsync();
        Assert.Equal((25, 0, 25), (stats.Accepted, stats.Published, stats.Pending));

        await stopping.DisposeAsync(); // SIGTERM: Kestrel stops, the publisher flushes, then the bus stops

        await using var next = await TrendingHost.StartAsync(infrastructure, clock);
        await next.WaitUntilScoredAsync(25, article.ArticleId);
        Assert.Equal(25, await next.ScoredViewsAsync(article.ArticleId));
    }
}
