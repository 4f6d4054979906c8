using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using NewsPlatform.TestKit;

namespace NewsPlatform.EndToEnd.Tests;

/// <summary>Three ReaderFeed instances behind one gateway, as <c>up.sh --scale readerfeed=3</c> runs them.</summary>
public sealed class ThreeReaderFeeds : Stack
{
    public ThreeReaderFeeds() => Scale["readerfeed"] = 3;
}

public sealed class InstanceLossTests(ThreeReaderFeeds stack) : IClassFixture<ThreeReaderFeeds>
{
    const int Readers = 8;

    [Fact]
    public async Task An_instance_killed_under_a_reader_load_fails_no_reader_request()
    {
        var seed = await Eventually.MatchAsync(
            async () => JsonNode.Parse(await stack.Client.GetStringAsync("/api/feed/articles?limit=1"))!["items"]!.AsArray(),
            items => items.Count > 0, TimeSpan.FromSeconds(90), "the seed article in the feed");
        var section = (string)seed[0]!["section"]!;
        var article = (string)seed[0]!["url"]!;

        // Readers back to back on pages and the feed API; every query differs, so each request misses the gateway's
        // cache and reaches a ReaderFeed instance.
        var failures = new ConcurrentQueue<string>();
        var served = 0;
        using var stop = new CancellationTokenSource();
        using var readers = new HttpClient { BaseAddress = stack.Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var n = 0;
        var load = Enumerable.Range(0, Readers).Select(reader => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref n);
                var path = (i % 4) switch
                {
                    0 => $"/?r={i}",
                    1 => $"/{section}?r={i}",
                    2 => $"{article}?r={i}",
                    _ => $"/api/feed/articles?limit=5&r={i}",
                };
                try
                {
                    using var response = await readers.GetAsync(path);
                    if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref served);
                    else failures.Enqueue($"{path}: {(int)response.StatusCode}");
                }
                catch (Exception e)
                {
                    failures.Enqueue($"{path}: {e.Message}");
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var before = served;
        var victim = stack.Instances("readerfeed")[1];
        await victim.KillAsync(); // SIGKILL, with requests in flight on it
        await Task.Delay(TimeSpan.FromSeconds(8));
        stop.Cancel();
        await Task.WhenAll(load);

        Assert.True(before > 0, "readers were served before the kill");
        Assert.True(served > before, "readers went on being served after the kill");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {served + failures.Count} reader requests failed: {string.Join("; ", failures.Take(5))}");

        // The surviving instances carry the load: the gateway reports the cluster degraded, not down.
        var ready = await stack.Client.GetStringAsync("/health/ready");
        Assert.Contains("readerfeed", ready);
    }
}
