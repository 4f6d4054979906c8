using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Benchmarks.Backbone;

/// <summary>
/// One drain: a backlog of <see cref="ArticleBacklog"/> streams is seeded while Authoring is stopped, then an
/// Authoring process (Release, its own relay) starts and the relay's stored progress is read every 50 ms until it
/// reaches the last event. Progress is stored only after the broker confirmed a page, so the figure is confirmed
/// events per second. The relayed messages land in a durable queue bound to the article exchanges (capped at
/// 100,000 messages, oldest dropped, so a million-event run does not fill the shared broker).
/// </summary>
public static class RelayDrain
{
    public const string SinkQueue = "relay-benchmark-sink";
    static readonly Type[] Relayed = [typeof(ArticlePublishedV1), typeof(ArticleRevisedV1), typeof(ArticleCorrectedV1), typeof(ArticleSlugChangedV1)];

    public sealed record Result(long Events, TimeSpan Seeding, TimeSpan SinceStart, long SteadyEvents, TimeSpan Steady, long Enqueued)
    {
        /// <summary>Events per second from the first stored page to the last (start-up excluded).</summary>
        public double Rate => Steady > TimeSpan.Zero ? SteadyEvents / Steady.TotalSeconds : Events / SinceStart.TotalSeconds;
    }

    public static async Task<Result> RunAsync(BenchmarkContext context, int articles, int seed, CancellationToken cancellationToken)
    {
        await using var infrastructure = await context.CreateInfrastructureAsync();
        var seeding = Stopwatch.StartNew();
        var events = await ArticleBacklog.SeedAsync(infrastructure.Database.ConnectionString, articles, seed, cancellationToken);
        seeding.Stop();
        await DeclareSinkAsync(infrastructure.VirtualHost.Name);

        var emptySeeds = Directory.CreateTempSubdirectory("relay-benchmark-seeds");
        var settings = infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        // RELAY_BENCHMARK_TRACE=1 prints where each page's time went (the relay's debug line per page).
        var trace = Environment.GetEnvironmentVariable("RELAY_BENCHMARK_TRACE") == "1";
        if (trace) settings["Logging:LogLevel:NewsPlatform.ServiceDefaults.Relay"] = "Debug";
        settings["Authoring:SeedsPath"] = emptySeeds.FullName;
        var started = Stopwatch.StartNew();
        await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings);

        await using var connection = new NpgsqlConnection(infrastructure.Database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var last = await LastSequenceAsync(connection, cancellationToken);
        (long Seq, TimeSpan At)? first = null;
        long progress = 0;
        while (progress < last)
        {
            if (started.Elapsed > TimeSpan.FromMinutes(20)) throw new TimeoutException($"The relay stored {progress:N0} of {last:N0} after 20 minutes.");
            await Task.Delay(50, cancellationToken);
            progress = await ProgressAsync(connection, cancellationToken);
            if (progress > 0 && first is null) first = (progress, started.Elapsed);
        }
        var sinceStart = started.Elapsed;
        if (trace)
            foreach (var line in authoring.Output.Split('\n').Where(l => l.Contains("Relayed events", StringComparison.Ordinal)))
                Console.WriteLine(line);
        emptySeeds.Delete();
        var steady = first is { } f && progress > f.Seq ? (progress - f.Seq, sinceStart - f.At) : (0L, TimeSpan.Zero);
        var enqueued = await EnqueuedAsync(infrastructure.VirtualHost.Name, (long)articles * ArticleBacklog.RelayedPerArticle);
        return new Result(events, seeding.Elapsed, sinceStart, steady.Item1, steady.Item2, enqueued);
    }

    static async Task<long> LastSequenceAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select coalesce(max(seq_id), 0) from authoring.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    static async Task<long> ProgressAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select coalesce(max(last_seq_id), 0) from authoring.mt_event_progression where name like 'relay%'", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The article exchanges (as MassTransit declares them) bound to one capped, durable queue.</summary>
    static async Task DeclareSinkAsync(string vhost)
    {
        using var http = Management();
        var v = Uri.EscapeDataString(vhost);
        (await http.PutAsync($"api/queues/{v}/{SinkQueue}",
            Json("""{"durable":true,"arguments":{"x-max-length":100000,"x-overflow":"drop-head"}}"""))).EnsureSuccessStatusCode();
        foreach (var type in Relayed)
        {
            var exchange = Uri.EscapeDataString($"{type.Namespace}:{type.Name}");
            (await http.PutAsync($"api/exchanges/{v}/{exchange}", Json("""{"type":"fanout","durable":true}"""))).EnsureSuccessStatusCode();
            (await http.PostAsync($"api/bindings/{v}/e/{exchange}/q/{SinkQueue}", Json("{}"))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Messages the sink queue received (the management API samples every few seconds, so wait for the figure).</summary>
    static async Task<long> EnqueuedAsync(string vhost, long expected)
    {
        using var http = Management();
        long seen = 0;
        for (var attempt = 0; attempt < 30 && seen < expected; attempt++)
        {
            if (attempt > 0) await Task.Delay(1000);
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"api/queues/{Uri.EscapeDataString(vhost)}/{SinkQueue}"));
            seen = doc.RootElement.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var publish)
                ? publish.GetInt64()
                : 0;
        }
        return seen;
    }

    static HttpClient Management()
    {
        var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitMqManagement.TrimEnd('/') + "/") };
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitMqUser}:{TestEnvironment.RabbitMqPassword}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        return http;
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
