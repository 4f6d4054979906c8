using System.Diagnostics;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Benchmarks.Backbone;

/// <summary>
/// Relay throughput (events appended → applied by a consumer in another process, per second) and
/// latency (append → consumer, p50/p99), over real PostgreSQL, RabbitMQ and two service processes.
/// Latency is measured on the database clock: event timestamp at append vs. consumer's commit.
/// </summary>
public sealed class RelayBenchmark : IBenchmark
{
    const string Relay = "probe_relay", Consumer = "probe_consumer";
    const int Rounds = 3, ThroughputEvents = 20_000, LatencyEvents = 300;
    static readonly TimeSpan LatencyPace = TimeSpan.FromMilliseconds(50);

    public string Name => "relay";
    public string Title => "Event backbone: relay throughput and latency";

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var throughput = new List<double>();
        var p50 = new List<double>();
        var p99 = new List<double>();
        for (var round = 1; round <= Rounds; round++)
        {
            await using var infrastructure = await context.CreateInfrastructureAsync();
            await using var consumer = await Start(infrastructure, Consumer, "consumer");
            await using var relay = await Start(infrastructure, Relay, "relay");

            var stopwatch = Stopwatch.StartNew();
            await Append(relay, 0, ThroughputEvents, batch: 500);
            await WaitForApplied(infrastructure, ThroughputEvents);
            throughput.Add(ThroughputEvents / stopwatch.Elapsed.TotalSeconds);

            for (var i = 0; i < LatencyEvents; i++)
            {
                var tick = Stopwatch.StartNew();
                await Append(relay, ThroughputEvents + i, 1, batch: 1);
                if (tick.Elapsed < LatencyPace) await Task.Delay(LatencyPace - tick.Elapsed, cancellationToken);
            }
            await WaitForApplied(infrastructure, ThroughputEvents + LatencyEvents);
            var (median, tail) = await Latency(infrastructure, fromSequence: ThroughputEvents);
            p50.Add(median);
            p99.Add(tail);
            Console.WriteLine($"round {round}: {throughput[^1]:0} events/s, latency p50 {median:0} ms, p99 {tail:0} ms");
        }

        return $"""
            | | round 1 | round 2 | round 3 | **median** | goal |
            |---|---|---|---|---|---|
            | throughput, {ThroughputEvents:N0} events appended in batches of 500 → applied (events/s) | {string.Join(" | ", throughput.Select(v => v.ToString("N0")))} | **{BenchmarkContext.Median(throughput):N0}** | |
            | latency p50, append → consumer commit ({LatencyEvents} events, one every {LatencyPace.TotalMilliseconds:0} ms) | {string.Join(" | ", p50.Select(v => $"{v:0} ms"))} | **{BenchmarkContext.Median(p50):0} ms** | ≤ 250 ms |
            | latency p99 | {string.Join(" | ", p99.Select(v => $"{v:0} ms"))} | **{BenchmarkContext.Median(p99):0} ms** | ≤ 1 s |

            Each round: a fresh database and vhost, one relaying process (`tests/BackboneProbe`, role relay) and one consuming
            process (role consumer, `IdempotentConsumer`), Release build. The relay is a Marten subscription in the async daemon
            (fast polling 50 ms, slow 200 ms) publishing each page concurrently with publisher confirms; the consumer commits
            its effect and processed-message row in one transaction. What bounds latency: the daemon's polling interval plus
            one publish-confirm round trip and one consumer transaction.
            """;
    }

    static Task<ServiceProcess> Start(TestInfrastructure infrastructure, string name, string role)
    {
        var settings = infrastructure.Settings();
        settings["Probe:Name"] = name;
        settings["Probe:Role"] = role;
        settings["Logging:LogLevel:Default"] = "Warning";
        return ServiceProcess.StartAsync("tests/BackboneProbe", "NewsPlatform.BackboneProbe", settings);
    }

    static async Task Append(ServiceProcess relay, int from, int count, int batch) =>
        (await relay.Client.PostAsync($"/probe/append?from={from}&count={count}&batch={batch}", null)).EnsureSuccessStatusCode();

    static Task WaitForApplied(TestInfrastructure infrastructure, long count) =>
        Eventually.MatchAsync(
            () => infrastructure.Database.CountAsync($"select count(*) from {Consumer}.probe_applied"),
            n => n >= count, TimeSpan.FromMinutes(5), $"{count} applied events");

    static async Task<(double P50, double P99)> Latency(TestInfrastructure infrastructure, int fromSequence)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms)
            from (select extract(epoch from received_at - occurred_at) * 1000 as ms
                  from {Consumer}.probe_applied where sequence >= @from) latencies
            """, connection);
        command.Parameters.AddWithValue("from", fromSequence);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetDouble(0), reader.GetDouble(1));
    }
}
