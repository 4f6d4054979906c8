using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MassTransit;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>
/// ReaderFeed's hot path and freshness: article-page requests/s and p99 served directly, through the gateway
/// and by nginx serving the same HTML as a static file (one run, same machine); publish-to-visible latency
/// (a Contracts event published on the broker until the page shows it); and rebuild speed in events/s.
/// </summary>
public sealed class ReaderFeedBenchmark : IBenchmark
{
    public string Name => "readerfeed";
    public string Title => "ReaderFeed: article page throughput, publish-to-visible, rebuild";

    const string Uncached = "Cookie: reader=benchmark";

    static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var articles = Setting("READERFEED_BENCH_ARTICLES", 5000);
        var wrkSeconds = Setting("READERFEED_BENCH_WRK_SECONDS", 10);
        var samples = Setting("READERFEED_BENCH_VISIBLE_SAMPLES", 200);
        await BuildAsync(context.RepositoryRoot, "services/ReaderFeed", "gateway/Gateway");

        await using var infrastructure = await context.CreateInfrastructureAsync();
        var settings = infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Newsroom:SiteUrl"] = "http://localhost:8080";
        await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", settings);
        var report = new StringBuilder();

        // 1. Rebuild: a seeded event log replayed into every read model.
        Console.WriteLine($"seeding the event log with {articles} articles");
        var seedClock = Stopwatch.StartNew();
        var seeded = await EventLogSeeder.SeedAsync(infrastructure.Database.ConnectionString, articles, cancellationToken);
        Console.WriteLine($"seeded {seeded.Events} events in {seedClock.Elapsed.TotalSeconds:0.0} s");
        var runs = new List<JsonElement>();
        for (var i = 0; i < 3; i++) runs.Add(await RebuildAsync(readerFeed.Client));
        var rates = runs.Select(r => r.GetProperty("eventsPerSecond").GetDouble()).ToList();

        var page = await readerFeed.Client.GetAsync(seeded.SamplePath, cancellationToken);
        var html = await page.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!page.IsSuccessStatusCode || !Encoding.UTF8.GetString(html).Contains(seeded.Sample.Headline, StringComparison.Ordinal))
            throw new InvalidOperationException($"After the rebuild {seeded.SamplePath} answered {(int)page.StatusCode} without its headline.");

        report.AppendLine("### Rebuild from the event log");
        report.AppendLine();
        report.AppendLine($"{articles:N0} articles × {EventLogSeeder.EventsPerArticle} events (publish, 5 revisions, correction, slug change; each carries the whole article, ~3 KB body), " +
                          $"{articles:N0} photos × 2 events, a Trending Now list every 10 articles: **{seeded.Events:N0} events**. " +
                          "Each rebuild reads and folds the whole log and rewrites every read model document; search rows are re-indexed only where " +
                          "their source differs, so run 1 (the log was seeded directly, the index is empty) builds the whole index and runs 2–3 keep it.");
        report.AppendLine();
        report.AppendLine("| run | events | search rows indexed | read + fold (ms) | write (ms) | events/s |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < runs.Count; i++)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {i + 1} | {runs[i].GetProperty("events").GetInt64():N0} | {runs[i].GetProperty("searchRowsRebuilt").GetInt32():N0} | {runs[i].GetProperty("readMilliseconds").GetDouble():N0} | {runs[i].GetProperty("writeMilliseconds").GetDouble():N0} | {rates[i]:N0} |"));
        var medianRate = BenchmarkContext.Median(rates);
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Median **{medianRate:N0} events/s**, first run (whole search index built) {rates[0]:N0} events/s " +
            $"(goal ≥ 20,000: {(medianRate >= 20_000 ? "met" : "not met")} by the median, {(rates[0] >= 20_000 ? "met" : "not met")} by the first run)."));
        report.AppendLine();

        // 2. Article page: ReaderFeed directly, through the gateway, and nginx serving the same bytes.
        Console.WriteLine("measuring the article page");
        await using var nginx = await StaticNginx.StartAsync(seeded.SamplePath, html, ServiceProcess.FreePort());
        var (gateway, gatewayProblem) = await GatewayHook.StartAsync(infrastructure.Settings(), readerFeed.BaseAddress, seeded.SamplePath, seeded.Sample.Headline);
        await using var _ = gateway;
        var targets = new List<(string Name, Uri Address, string? Header)>
        {
            ("nginx, static file", nginx.Address, null),
            ("ReaderFeed directly", readerFeed.BaseAddress, null),
        };
        if (gateway is not null)
        {
            targets.Add(("through the gateway", gateway.BaseAddress, null));
            // The gateway's output cache skips requests with a cookie: this row is every request reaching ReaderFeed.
            targets.Add(("through the gateway, uncached", gateway.BaseAddress, Uncached));
        }
        var results = targets.ToDictionary(t => t.Name, _ => new List<WrkResult>());
        foreach (var target in targets) await WrkResult.RunAsync(new Uri(target.Address, seeded.SamplePath).ToString(), TimeSpan.FromSeconds(2), target.Header);
        for (var round = 0; round < 3; round++)
            foreach (var target in targets)
                results[target.Name].Add(await WrkResult.RunAsync(new Uri(target.Address, seeded.SamplePath).ToString(), TimeSpan.FromSeconds(wrkSeconds), target.Header));

        report.AppendLine("### Article page");
        report.AppendLine();
        report.AppendLine($"`wrk -t2 -c64 -d{wrkSeconds}s --latency` on `{seeded.SamplePath}` ({html.Length:N0} bytes of HTML), three rounds interleaved; " +
                          "wrk shares the 2 cores with the server it measures. nginx 1.22 serves the same bytes saved as a file " +
                          "(`open_file_cache`, no access log). ReaderFeed serves the page from its in-memory page cache.");
        report.AppendLine();
        report.AppendLine("| served by | round | requests/s | p50 (ms) | p99 (ms) | non-2xx/errors | vs nginx |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var nginxRate = BenchmarkContext.Median(results["nginx, static file"].Select(r => r.RequestsPerSecond).ToList());
        foreach (var (name, list) in results)
            for (var i = 0; i < list.Count; i++)
                report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {i + 1} | {list[i].RequestsPerSecond:N0} | {list[i].P50Ms:0.00} | {list[i].P99Ms:0.00} | {list[i].Errors} | {list[i].RequestsPerSecond / nginxRate:0.00}× |"));
        report.AppendLine();
        var directRate = BenchmarkContext.Median(results["ReaderFeed directly"].Select(r => r.RequestsPerSecond).ToList());
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Medians: ReaderFeed directly {directRate:N0} req/s = **{directRate / nginxRate:0.00}× nginx**."));
        if (gateway is not null)
        {
            var gatewayRate = BenchmarkContext.Median(results["through the gateway"].Select(r => r.RequestsPerSecond).ToList());
            var uncachedRate = BenchmarkContext.Median(results["through the gateway, uncached"].Select(r => r.RequestsPerSecond).ToList());
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $" Through the gateway {gatewayRate:N0} req/s = **{gatewayRate / nginxRate:0.00}× nginx** (goal ≥ 0.5×: {(gatewayRate / nginxRate >= 0.5 ? "met" : "not met")}); " +
                $"with the gateway's cache bypassed {uncachedRate:N0} req/s = {uncachedRate / nginxRate:0.00}× nginx."));
        }
        else
        {
            report.AppendLine($" Through the gateway: not measured — {gatewayProblem}. " +
                              "The hook is `tests/Benchmarks/ReaderFeed/GatewayHook.cs` (starts gateway/Gateway in front of this ReaderFeed).");
        }
        report.AppendLine();

        // 3. Publish-to-visible: a revision published on the broker, until the article page shows it.
        Console.WriteLine("measuring publish-to-visible");
        var visible = await PublishToVisibleAsync(infrastructure.VirtualHost.ConnectionString, readerFeed.Client, seeded.Sample, samples, cancellationToken);
        report.AppendLine("### Publish-to-visible");
        report.AppendLine();
        report.AppendLine($"{samples} `ArticleRevisedV1` events published one at a time on the broker (publisher confirms, MessageId = EventId, " +
                          "as the relay does); each timed until `GET` of the article page (polled every 2 ms) shows the new headline. " +
                          "Includes RabbitMQ delivery, the consumer's transaction (log append, fold, search index, NOTIFY) and the re-render.");
        report.AppendLine();
        report.AppendLine("| p50 (ms) | p90 (ms) | p99 (ms) | max (ms) |");
        report.AppendLine("|---:|---:|---:|---:|");
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {BenchmarkContext.Percentile(visible, 50):0.0} | {BenchmarkContext.Percentile(visible, 90):0.0} | {BenchmarkContext.Percentile(visible, 99):0.0} | {visible.Max():0.0} |"));
        report.AppendLine();
        var p50 = BenchmarkContext.Percentile(visible, 50);
        var p99 = BenchmarkContext.Percentile(visible, 99);
        report.AppendLine($"Goal p50 ≤ 250 ms / p99 ≤ 1 s: {(p50 <= 250 && p99 <= 1000 ? "met" : "not met")} (ReaderFeed directly). " +
                          "Through the gateway a page can additionally be served from the gateway's output cache for its duration " +
                          "(`Gateway:OutputCache:Duration`, 10 s by default), which it does not purge on change.");
        report.AppendLine();
        report.AppendLine($"Machine load when finished (1/5/15 min): {LoadAverage()}.");
        return report.ToString();
    }

    internal static async Task<JsonElement> RebuildAsync(HttpClient client)
    {
        var token = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feed/rebuild") { Headers = { Authorization = token } };
        var accepted = await client.SendAsync(request);
        if ((int)accepted.StatusCode != 202) throw new InvalidOperationException($"POST /api/feed/rebuild answered {(int)accepted.StatusCode}");
        var status = accepted.Headers.Location!;
        return await Eventually.MatchAsync(async () =>
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, status) { Headers = { Authorization = token } };
            return await (await client.SendAsync(poll)).Content.ReadFromJsonAsync<JsonElement>();
        }, r => r.GetProperty("state").GetString() is "Succeeded" or "Failed", TimeSpan.FromMinutes(10), "the rebuild") is var run
            && run.GetProperty("state").GetString() == "Succeeded"
            ? run
            : throw new InvalidOperationException("Rebuild failed: " + run.GetProperty("error"));
    }

    static async Task<List<double>> PublishToVisibleAsync(string rabbitMq, HttpClient client, PublicArticle article, int samples, CancellationToken cancellationToken)
    {
        var address = RabbitMqAddress.Parse(rabbitMq);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
            h.PublisherConfirmation = true;
        }));
        await bus.StartAsync(cancellationToken);
        try
        {
            var path = $"/{article.Section}/{article.Slug}";
            var times = new List<double>();
            for (var i = 1; i <= samples; i++)
            {
                var marker = $"Visible revision {i} {Guid.NewGuid():N}";
                var revised = new ArticleRevisedV1(Guid.NewGuid(), article.ArticleId, 100 + i, DateTimeOffset.UtcNow, article with { Headline = marker }, false);
                var clock = Stopwatch.StartNew();
                await bus.Publish(revised, c => c.MessageId = revised.EventId, cancellationToken);
                while (!(await client.GetStringAsync(path, cancellationToken)).Contains(marker, StringComparison.Ordinal))
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"Revision {i} was not visible after 30 s.");
                    await Task.Delay(2, cancellationToken);
                }
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            return times;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    static async Task BuildAsync(string root, params string[] projects)
    {
        foreach (var project in projects.Where(p => Directory.Exists(Path.Combine(root, p))))
        {
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "-nologo", "-v", "quiet"])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
            })!;
            var output = await build.StandardOutput.ReadToEndAsync();
            await build.WaitForExitAsync();
            if (build.ExitCode != 0) throw new InvalidOperationException($"Building {project} failed:\n{output}");
        }
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
