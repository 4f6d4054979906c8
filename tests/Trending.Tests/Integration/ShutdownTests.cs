using System.Net;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(ScaleOutCollection.Name)]
public class ShutdownTests
{
    [Fact]
    public async Task Beacons_waiting_for_their_batch_when_a_node_gets_SIGTERM_are_published_answered_202_and_scored()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var article = Guid.NewGuid();
        // A node whose batches would wait an hour for their interval: its beacons wait with them.
        var stopping = await TrendingProcess.StartAsync(infrastructure, new Dictionary<string, string?> { ["Trending:FlushInterval"] = "01:00:00" });
        await TrendingProcess.PublishArticleAsync(infrastructure, stopping, article);
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = stopping.BaseAddress };
        var beacons = Enumerable.Range(0, 25).Select(_ => client.SendAsync(TrendingProcess.Beacon(article, Guid.NewGuid()))).ToList();
        var waiting = await Eventually.MatchAsync(() => TrendingProcess.StatsAsync(stopping), s => s.Pending == 25, TimeSpan.FromSeconds(20), "25 beacons waiting");
        Assert.Equal((0, 0), (waiting.Accepted, waiting.Published));

        // As an orchestrator stops a container: the open group is published at once, its beacons are
        // answered while Kestrel drains, and the bus stops after the confirm.
        await TrendingProcess.TerminateAsync(stopping);
        await stopping.DisposeAsync();

        Assert.All(await Task.WhenAll(beacons), r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        await using var next = await TrendingProcess.StartAsync(infrastructure);
        await Eventually.MatchAsync(() => TrendingProcess.ScoredAsync(infrastructure, article), s => s.Views == 25, TimeSpan.FromSeconds(30), "25 views scored");
    }

    [Fact]
    public async Task A_beacon_the_broker_does_not_confirm_in_time_is_answered_503_with_retry_after_and_not_accepted()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var clock = new TestClock(DateTimeOffset.Parse("2025-01-14T12:00:00Z"));
        // A confirm can never arrive within one tick: every batch times out, as with a broker that stopped confirming.
        await using var host = await TrendingHost.StartAsync(infrastructure, clock, new Dictionary<string, string?> { ["Trending:PublishTimeout"] = "00:00:00.0000001" });
        var article = await host.PublishArticleAsync("news", "Broker trouble");

        var response = await host.ViewAsync(article.ArticleId);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Contains("not recorded", await response.Content.ReadAsStringAsync());
        var stats = await host.StatsAsync();
        Assert.Equal((0, 1, 1), (stats.Accepted, stats.Refused, stats.PublishFailures));
    }
}
