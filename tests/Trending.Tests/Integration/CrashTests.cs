using System.Collections.Concurrent;
using System.Net;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

/// <summary>A Trending process killed with SIGKILL while readers' beacons stream in loses none it answered 202 for.</summary>
[Collection(ScaleOutCollection.Name)]
public class CrashTests
{
    const int Senders = 16;

    [Fact]
    public async Task Every_view_answered_202_before_a_kill_9_is_scored_exactly_once_after_the_restart()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var article = Guid.NewGuid();
        var node = await TrendingProcess.StartAsync(infrastructure);
        await TrendingProcess.PublishArticleAsync(infrastructure, node, article);

        // Readers keep sending (each beacon a new reader) until the node dies under them.
        var answered = new ConcurrentQueue<Guid>();
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, Senders).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var reader = Guid.NewGuid();
                try
                {
                    if ((await client.SendAsync(TrendingProcess.Beacon(article, reader))).StatusCode == HttpStatusCode.Accepted) answered.Enqueue(reader);
                }
                catch (HttpRequestException) { } // the node is gone: this beacon was never answered
            }
        })).ToList();
        await Eventually.MatchAsync(() => Task.FromResult(answered.Count), n => n >= 500, TimeSpan.FromSeconds(60), "500 beacons answered 202");
        await node.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(senders);
        // Every 202 a reader got, including answers still on their way when the node died.
        var accepted = answered.ToList();
        await node.DisposeAsync();

        await using var restarted = await TrendingProcess.StartAsync(infrastructure);
        var ids = "'{" + string.Join(',', accepted) + "}'::uuid[]";
        await Eventually.MatchAsync(
            () => infrastructure.Database.CountAsync($"select count(*) from trending.reader_views where reader_id = any({ids})"),
            n => n == accepted.Count, TimeSpan.FromSeconds(60), $"all {accepted.Count} views answered 202 to be scored");

        // Every reader was new, so the views scored are exactly the readers counted: none lost, none twice.
        var scored = await TrendingProcess.ScoredAsync(infrastructure, article);
        Assert.Equal(scored.Readers, scored.Views);
        Assert.Equal(scored.Views, scored.ScoreViews);
        // Beyond the 202s, at most the beacons in flight at the kill (published, never answered) may have counted.
        Assert.InRange(scored.Views, accepted.Count, accepted.Count + Senders);
    }
}
