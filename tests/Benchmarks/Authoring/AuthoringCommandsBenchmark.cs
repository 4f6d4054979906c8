using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Benchmarks.Authoring;

/// <summary>
/// Create + publish through Authoring's HTTP API against a real Authoring process (PostgreSQL and
/// RabbitMQ on loopback), and how late the scheduler publishes a batch of articles due at once.
/// </summary>
public sealed class AuthoringCommandsBenchmark : IBenchmark
{
    const string AdminEmail = "bench-admin@newsplatform.test";
    const string AdminPassword = "benchmark-admin-passphrase";
    static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);

    public string Name => "authoring";
    public string Title => "Authoring: create + publish commands, scheduled publication lateness";

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        await using var infrastructure = await context.CreateInfrastructureAsync();
        var settings = infrastructure.Settings();
        settings["Authoring:BootstrapAdmin:Email"] = AdminEmail;
        settings["Authoring:BootstrapAdmin:Password"] = AdminPassword;
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings);
        var gatewaySettings = infrastructure.Settings();
        gatewaySettings["ReverseProxy:Clusters:authoring:Destinations:authoring-1:Address"] = authoring.BaseAddress.ToString();
        gatewaySettings["Gateway:Readiness:ServiceDownStatus"] = "Degraded"; // only Authoring runs here
        gatewaySettings["Logging:LogLevel:Default"] = "Warning";
        await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", gatewaySettings);
        var token = await SignInAsync(authoring.Client);

        var rows = new List<string>();
        HttpClient? direct = null;
        var best = (CommandsPerSecond: 0.0, Clients: 0);
        foreach (var (path, address) in new[] { ("through the gateway", gateway.BaseAddress), ("directly", authoring.BaseAddress) })
        {
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await RunLoadAsync(http, concurrency: 4, TimeSpan.FromSeconds(5)); // warm-up: JIT, connection pools, Marten's code paths
            foreach (var concurrency in new[] { 1, 8, 32 })
            {
                var run = await RunLoadAsync(http, concurrency, Duration);
                var commandsPerSecond = 2 * run.Pairs / run.Elapsed.TotalSeconds;
                if (path == "through the gateway" && commandsPerSecond > best.CommandsPerSecond) best = (commandsPerSecond, concurrency);
                rows.Add($"| {path} | {concurrency} | {run.Pairs} | {run.Errors} | {commandsPerSecond:0} | " +
                         $"{Ms(run.Create, 50)} / {Ms(run.Create, 99)} | {Ms(run.Publish, 50)} / {Ms(run.Publish, 99)} | {Ms(run.Pair, 50)} / {Ms(run.Pair, 99)} |");
            }
            if (direct is null) http.Dispose(); else direct.Dispose();
            direct = http;
        }
        var lateness = await MeasureSchedulerAsync(direct!, infrastructure.Database.ConnectionString, articles: 100);
        direct!.Dispose();

        return $"""
            **{best.CommandsPerSecond:N0} editorial commands/s through the gateway** (create + publish, best at {best.Clients} clients);
            scheduled publication p99 {lateness.P99:0.00} s late.

            Client → gateway → Authoring, then client → Authoring directly, in one run (both `ServiceProcess`, Release,
            HTTP/1.1 on loopback; the same bearer token).
            The gateway rows run first, on an empty database; the direct rows follow on the same database, by then holding
            thousands more articles and slug claims, so compare within a path rather than across the two.
            Each client loops: `POST /api/authoring/articles` (a ~1 KB draft) then `POST .../{"{id}"}/publish`; a command is
            one HTTP request that appends to the stream, updates the inline article document and slug claim in one
            transaction. {Duration.TotalSeconds:0} s per row after a 5 s warm-up; load generator, Authoring, PostgreSQL and
            RabbitMQ (relay publishing every `ArticlePublishedV1`) share the same {Environment.ProcessorCount} cores.

            | path | concurrent clients | create+publish pairs | errors | commands/s | create p50 / p99 (ms) | publish p50 / p99 (ms) | pair p50 / p99 (ms) |
            |---|---|---|---|---|---|---|---|
            {string.Join("\n", rows)}

            Scheduler: {lateness.Count} articles scheduled for the same instant; lateness (actual − planned publication,
            from the `ArticlePublished` events) p50 {lateness.P50:0.00} s, **p99 {lateness.P99:0.00} s**, max {lateness.Max:0.00} s
            (poll interval 1 s; the goal is ≤ 5 s).
            """;
    }

    sealed record LoadRun(long Pairs, long Errors, TimeSpan Elapsed, List<double> Create, List<double> Publish, List<double> Pair);

    static async Task<LoadRun> RunLoadAsync(HttpClient http, int concurrency, TimeSpan duration)
    {
        var create = new List<double>();
        var publish = new List<double>();
        var pair = new List<double>();
        long pairs = 0, errors = 0;
        var stop = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var n = 0;
            while (stop.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var created = await http.PostAsync("/api/authoring/articles", Draft($"Benchmark story {worker}-{n++}"));
                var afterCreate = Stopwatch.GetTimestamp();
                if (!created.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
                var beforePublish = Stopwatch.GetTimestamp();
                using var published = await http.PostAsync($"/api/authoring/articles/{id}/publish", null);
                var done = Stopwatch.GetTimestamp();
                if (!published.IsSuccessStatusCode) { Interlocked.Increment(ref errors); continue; }
                lock (pair)
                {
                    create.Add(Stopwatch.GetElapsedTime(started, afterCreate).TotalMilliseconds);
                    publish.Add(Stopwatch.GetElapsedTime(beforePublish, done).TotalMilliseconds);
                    pair.Add(Stopwatch.GetElapsedTime(started, done).TotalMilliseconds);
                }
                Interlocked.Increment(ref pairs);
            }
        }));
        return new LoadRun(pairs, errors, stop.Elapsed, create, publish, pair);
    }

    sealed record Lateness(int Count, double P50, double P99, double Max);

    static async Task<Lateness> MeasureSchedulerAsync(HttpClient http, string database, int articles)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < articles; i++)
        {
            using var created = await http.PostAsync("/api/authoring/articles", Draft($"Scheduled story {i}"));
            ids.Add(JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid());
        }
        var planned = DateTimeOffset.UtcNow.AddSeconds(10);
        foreach (var id in ids)
            (await http.PostAsJsonAsync($"/api/authoring/articles/{id}/schedule", new { publishAt = planned })).EnsureSuccessStatusCode();

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var seconds = await Eventually.MatchAsync(async () =>
        {
            await using var command = new NpgsqlCommand(
                "select extract(epoch from ((data->>'At')::timestamptz - (data->>'ScheduledFor')::timestamptz))::float8 " +
                "from authoring.mt_events where type = 'article_published' and data->>'ScheduledFor' is not null", connection);
            var values = new List<double>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) values.Add(reader.GetDouble(0));
            return values;
        }, values => values.Count >= articles, TimeSpan.FromSeconds(60), "every scheduled article to be published");
        return new Lateness(seconds.Count, BenchmarkContext.Percentile(seconds, 50), BenchmarkContext.Percentile(seconds, 99), seconds.Max());
    }

    static async Task<string> SignInAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }

    static StringContent Draft(string headline) => new(JsonSerializer.Serialize(new
    {
        headline,
        standfirst = "A standfirst of a sentence or two, as an editor would write it for the front page.",
        body = string.Join("\n\n", Enumerable.Repeat("A paragraph of body text, in CommonMark, with *emphasis* and a [link](https://example.org).", 8)),
        section = "News",
        authors = new[] { "Camilla Jessen" },
        tags = new[] { "benchmark" },
    }), Encoding.UTF8, "application/json");

    static string Ms(List<double> values, double percentile) => $"{BenchmarkContext.Percentile(values, percentile):0.0}";
}
