using System.Net;
using System.Text;
using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

/// <summary>
/// A load balancer spreads one reader's beacons over two Trending nodes (each ingesting and scoring, on one
/// database and vhost): the reader still counts once per article and window.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public class CrossNodeRepeatTests
{
    [Fact]
    public async Task A_reader_whose_beacons_alternate_between_two_nodes_counts_once_and_another_reader_counts()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var clock = new TestClock(DateTimeOffset.Parse("2025-01-14T12:00:00Z"));
        await using var a = await TrendingHost.StartAsync(infrastructure, clock);
        await using var b = await TrendingHost.StartAsync(infrastructure, clock);
        var article = Articles.Public(Guid.NewGuid(), "news", "Ferry strike");
        await a.PublishAsync(Articles.Published(article));
        await a.WaitForStateAsync(article.ArticleId, ArticleState.Live);
        await b.WaitForStateAsync(article.ArticleId, ArticleState.Live);

        // A reader with a cookie, alternating between the nodes over 20 minutes.
        var reader = Guid.NewGuid();
        foreach (var node in new[] { a, b, a, b })
        {
            Assert.Equal(HttpStatusCode.Accepted, (await node.ViewAsync(article.ArticleId, reader)).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(5));
        }
        // A reader whose browser keeps no cookie: recognised by the keyed hash of address and User-Agent, which
        // both nodes compute under the same daily salt; then the cookie node a handed out, shown to node b.
        var issued = await WithoutCookieAsync(a, article.ArticleId);
        Assert.NotNull(issued);
        await WithoutCookieAsync(b, article.ArticleId);
        Assert.Equal(HttpStatusCode.Accepted, (await b.ViewAsync(article.ArticleId, issued)).StatusCode);
        // Another reader counts.
        Assert.Equal(HttpStatusCode.Accepted, (await b.ViewAsync(article.ArticleId)).StatusCode);

        var hosts = new[] { a, b };
        var settled = await Eventually.MatchAsync(async () => await Task.WhenAll(hosts.Select(h => h.StatsAsync())),
            s => s.Sum(x => x.Scored + x.Ignored["repeat_on_another_node"]) == s.Sum(x => x.Accepted), TimeSpan.FromSeconds(30),
            "every accepted view to be scored or found a repeat");
        Assert.Equal(3, await a.ScoredViewsAsync(article.ArticleId));
        Assert.Equal(3, (await a.StoredScoreAsync(article.ArticleId))!.Value.Views);
        // Each node's own filter caught the repeats it saw itself; the scorer caught the ones spread over nodes.
        Assert.Equal(2, settled.Sum(s => s.Ignored["repeat"]));
        Assert.Equal(3, settled.Sum(s => s.Ignored["repeat_on_another_node"]));
    }

    static async Task<Guid?> WithoutCookieAsync(TrendingHost node, Guid articleId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
        {
            Content = new StringContent($$"""{"articleId":"{{articleId}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", TrendingHost.Browser);
        var response = await node.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0].Split('=')[1];
        return Guid.ParseExact(cookie, "N");
    }
}
