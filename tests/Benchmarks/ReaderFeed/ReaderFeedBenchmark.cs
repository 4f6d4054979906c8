using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>
/// ReaderFeed's hot path and freshness: rebuild speed in events/s (cold and warm, see <see cref="RebuildRuns"/>);
/// article-page requests/s and p99 served directly, through the gateway and by nginx serving the same HTML as a
/// static file (one run, same machine); publish-to-visible latency (a Contracts event published on the broker until
/// the page shows it), directly and through the gateway with its cache on (see <see cref="PublishToVisible"/>).
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
        var rebuildPairs = Setting("READERFEED_BENCH_REBUILD_PAIRS", 3);
        // e.g. READERFEED_BENCH_PARTS=rebuild to measure only that; the default is everything.
        var parts = (Environment.GetEnvironmentVariable("READERFEED_BENCH_PARTS") ?? "rebuild,pages,visible")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await BuildAsync(context.RepositoryRoot, "services/ReaderFeed", "gateway/Gateway");

        await using var infrastructure = await context.CreateInfrastructureAsync();
        var settings = infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Newsroom:SiteUrl"] = "http://localhost:8080";
        await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", settings);
        var report = new StringBuilder();

        // 1. Rebuild: a seeded event log replayed into every read model, cold and warm.
        Console.WriteLine($"seeding the event log with {articles} articles");
        var seedClock = Stopwatch.StartNew();
        var seeded = await EventLogSeeder.SeedAsync(infrastructure.Database.ConnectionString, articles, cancellationToken);
        Console.WriteLine($"seeded {seeded.Events} events in {seedClock.Elapsed.TotalSeconds:0.0} s");
        var runs = await RebuildRuns.RunAsync(readerFeed.Client, infrastructure.Database.ConnectionString, parts.Contains("rebuild") ? rebuildPairs : 1);
        if (parts.Contains("rebuild")) report.Append(RebuildRuns.Report(runs, seeded.Events, articles));

        var page = await readerFeed.Client.GetAsync(seeded.SamplePath, cancellationToken);
        var html = await page.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!page.IsSuccessStatusCode || !Encoding.UTF8.GetString(html).Contains(seeded.Sample.Headline, StringComparison.Ordinal))
            throw new InvalidOperationException($"After the rebuild {seeded.SamplePath} answered {(int)page.StatusCode} without its headline.");

        // The gateway as its own process, with its shipped output cache (10 s) and purging through this broker.
        var (gateway, gatewayProblem) = await GatewayHook.StartAsync(infrastructure.Settings(), readerFeed.BaseAddress, seeded.SamplePath, seeded.Sample.Headline);
        await using var _ = gateway;

        // 2. Article page: ReaderFeed directly, through the gateway, and nginx serving the same bytes.
        if (parts.Contains("pages"))
        {
            Console.WriteLine("measuring the article page");
            report.Append(await ArticlePageAsync(seeded, html, readerFeed, gateway, gatewayProblem, wrkSeconds));
        }

        // 3. Publish-to-visible: a revision published on the broker, until the article page shows it.
        if (parts.Contains("visible"))
        {
            Console.WriteLine("measuring publish-to-visible");
            report.Append(await VisibleAsync(infrastructure.VirtualHost.ConnectionString, readerFeed, gateway, gatewayProblem, seeded.Sample, samples, cancellationToken));
        }
        report.AppendLine($"Machine load when finished (1/5/15 min): {LoadAverage()}.");
        return report.ToString();
    }

    static async Task<string> ArticlePageAsync(EventLogSeeder.Seeded seeded, byte[] html, ServiceProcess readerFeed, ServiceProcess? gateway,
        string? gatewayProblem, int wrkSeconds)
    {
        var report = new StringBuilder();
        await using var nginx = await StaticNginx.StartAsync(seeded.SamplePath, html, ServiceProcess.FreePort());
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
        return report.ToString();
    }

    static async Task<string> VisibleAsync(string rabbitMq, ServiceProcess readerFeed, ServiceProcess? gateway, string? gatewayProblem,
        PublicArticle article, int samples, CancellationToken cancellationToken)
    {
        var rows = new List<(string Name, List<double> Times)>
        {
            ("ReaderFeed directly", await PublishToVisible.MeasureAsync(rabbitMq, readerFeed.Client, article, 100, samples, cancellationToken)),
        };
        if (gateway is not null)
            rows.Add(("through the gateway, cache on", await PublishToVisible.MeasureAsync(rabbitMq, gateway.Client, article, 100 + samples, samples, cancellationToken)));

        var report = new StringBuilder();
        report.AppendLine("### Publish-to-visible");
        report.AppendLine();
        report.AppendLine($"{samples} `ArticleRevisedV1` events per row, published one at a time on the broker (publisher confirms, MessageId = EventId, " +
                          "as the relay does); each timed until `GET` of the article page (polled every 2 ms) shows the new headline. " +
                          "Directly: RabbitMQ delivery, the consumer's transaction (log append, fold, search index, NOTIFY) and the re-render. " +
                          "Through the gateway (its own process, shipped settings: the page is cached for 10 s, and every poll before the change " +
                          "is a cache hit): additionally ReaderFeed's `ReaderPagesChangedV1` after the commit, the gateway's purge of its cache, and the refill.");
        report.AppendLine();
        report.AppendLine("| read from | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | goal p50 ≤ 250 ms / p99 ≤ 1 s |");
        report.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var (name, times) in rows)
        {
            var p50 = BenchmarkContext.Percentile(times, 50);
            var p99 = BenchmarkContext.Percentile(times, 99);
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {p50:0.0} | {BenchmarkContext.Percentile(times, 90):0.0} | {p99:0.0} | {times.Max():0.0} | {(p50 <= 250 && p99 <= 1000 ? "met" : "not met")} |"));
        }
        report.AppendLine();
        if (gateway is null)
            report.AppendLine($"Through the gateway: not measured — {gatewayProblem}.");
        report.AppendLine();
        return report.ToString();
    }

    internal static async Task BuildAsync(string root, params string[] projects)
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
