using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsPlatform.Benchmarks.Text;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Benchmarks.ReaderFeed.Archive;

/// <summary>
/// ReaderFeed at a newsroom's archive size (<c>deploy/local/bench.sh archive</c>). An archive of
/// <c>ARCHIVE_BENCH_ARTICLES</c> published articles (default 1,000,000; Zipf text, see <see cref="ArchiveSeeder"/>) is
/// written straight into ReaderFeed's event log. First the newest 1,000 alone are rebuilt and the home, section and
/// author pages timed; then the rest of the archive is added, a cold rebuild replays all of it (events/s, the
/// process's peak RSS), the same pages are timed again, then sitemap generation, and random long-tail article pages
/// through the gateway with wrk, with ReaderFeed's RSS idle and under that load.
/// </summary>
public sealed class ArchiveBenchmark : IBenchmark
{
    public string Name => "archive";
    public string Title => "ReaderFeed at archive size: rebuild, list pages, sitemaps, long-tail article pages";

    const int Small = 1_000;
    const string Uncached = "Cookie: reader=benchmark";
    static readonly string[] ReadModelTables =
        ["readerfeed.mt_doc_articleview", "readerfeed.mt_doc_mediaview", "readerfeed.mt_doc_trendingview", "readerfeed.article_search"];

    static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var articles = Math.Max(Small * 2, Setting("ARCHIVE_BENCH_ARTICLES", 1_000_000));
        var samples = Setting("ARCHIVE_BENCH_PAGE_SAMPLES", 40);
        var wrkSeconds = Setting("ARCHIVE_BENCH_WRK_SECONDS", 10);
        if (!File.Exists(ZipfText.WordListPath)) throw new InvalidOperationException($"{ZipfText.WordListPath} is missing (apt-get install -y wamerican-large).");
        await ReaderFeedBenchmark.BuildAsync(context.RepositoryRoot, "services/ReaderFeed", "gateway/Gateway");

        await using var infrastructure = await context.CreateInfrastructureAsync();
        var postgres = infrastructure.Database.ConnectionString;
        var settings = infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Newsroom:SiteUrl"] = "http://localhost:8080";
        await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", settings);
        var newest = DateTimeOffset.UtcNow.AddMinutes(-1);
        var report = new StringBuilder();

        // 1. The newest 1,000 articles alone.
        Console.WriteLine($"seeding {Small:N0} articles");
        var small = await ArchiveSeeder.SeedAsync(postgres, 0, Small, newest, null, cancellationToken);
        await RebuildRuns.RebuildAsync(readerFeed.Client);
        var author = small.Authors[0];
        var pages = new (string Name, string Path)[] { ("home", "/"), ("section", "/politics"), ("author", "/authors/" + Slug(author)) };
        var atSmall = await PageLatenciesAsync(readerFeed.Client, postgres, pages, samples);

        // 2. The whole archive: seeded, then a cold rebuild of all of it.
        var seedClock = Stopwatch.StartNew();
        var progress = new Progress<int>(n => Console.WriteLine($"seeded {Small + n:N0} of {articles:N0} articles ({seedClock.Elapsed.TotalSeconds:0} s)"));
        var rest = await ArchiveSeeder.SeedAsync(postgres, Small, articles, newest, progress, cancellationToken);
        var seedTime = seedClock.Elapsed;
        var events = small.Events + rest.Events;
        Console.WriteLine($"seeded {events:N0} events in {seedTime.TotalSeconds:0} s; rebuilding");
        await ExecuteAsync(postgres, $"truncate {string.Join(", ", ReadModelTables)}");
        var rssBefore = Memory(readerFeed.Id);
        ResetPeak(readerFeed.Id);
        var rebuild = await RebuildRuns.RebuildAsync(readerFeed.Client);
        var peak = Memory(readerFeed.Id).PeakBytes;
        // What an operator does after bulk loading: fresh statistics and visibility maps for the planner.
        await ExecuteAsync(postgres, "vacuum analyze readerfeed.mt_doc_articleview");
        var atLarge = await PageLatenciesAsync(readerFeed.Client, postgres, pages, samples);
        var sitemaps = await SitemapTimesAsync(readerFeed.Client, postgres, newest, articles, Math.Max(5, samples / 4));
        var idle = Memory(readerFeed.Id).RssBytes;

        // 3. Random long-tail article pages through the gateway, mostly past every cache.
        var livePaths = small.LivePaths.Concat(rest.LivePaths).ToList();
        var (gateway, gatewayProblem) = await GatewayHook.StartAsync(infrastructure.Settings(), readerFeed.BaseAddress, livePaths[^1], "<h1");
        await using var _ = gateway;
        var longTail = new List<(string Target, WrkResult Result, long RssBytes)>();
        if (gateway is not null)
        {
            var script = await LongTailScriptAsync(livePaths);
            foreach (var (target, header) in new[] { ("gateway", (string?)null), ("gateway, its cache bypassed", Uncached) })
                await RunWrkAsync(gateway.BaseAddress, script, TimeSpan.FromSeconds(2), header);
            for (var round = 0; round < 3; round++)
                foreach (var (target, header) in new[] { ("gateway", (string?)null), ("gateway, its cache bypassed", Uncached) })
                {
                    var sampling = SampleRssAsync(readerFeed.Id, TimeSpan.FromSeconds(wrkSeconds));
                    var result = await RunWrkAsync(gateway.BaseAddress, script, TimeSpan.FromSeconds(wrkSeconds), header);
                    longTail.Add((target, result, await sampling));
                    Console.WriteLine($"long tail via {target}: {result.RequestsPerSecond:N0} req/s, p99 {result.P99Ms:0.0} ms");
                }
        }

        // Search figures (tests/Benchmarks/ReaderFeed/Archive/SearchFigures.cs) belong here, over this same archive:
        // readerFeed, gateway and livePaths are what they need.

        report.Append(Describe(articles, events, seedTime, pages));
        report.Append(RebuildSection(rebuild, events, peak, rssBefore.RssBytes));
        report.Append(PagesSection(articles, pages, atSmall, atLarge, samples));
        report.Append(SitemapSection(sitemaps, articles));
        report.Append(LongTailSection(longTail, livePaths.Count, idle, gatewayProblem, wrkSeconds));
        report.AppendLine($"Machine load when finished (1/5/15 min): {LoadAverage()}.");
        return report.ToString();
    }

    static string Describe(int articles, long events, TimeSpan seedTime, (string Name, string Path)[] pages) =>
        $"{articles:N0} published articles (about 1 in 100 later unpublished, 3 in 10 revised once; {events:N0} events), Zipf text over " +
        $"wamerican-large (headline 5–10 words, standfirst two sentences, body five paragraphs of about 2.5 KB), 224 bylines, " +
        $"seven sections, five minutes apart (the archive reaches back {TimeSpan.FromMinutes(5 * (double)articles).TotalDays / 365.25:0.0} years), " +
        $"written into ReaderFeed's event log with binary COPY in {seedTime.TotalSeconds:N0} s. Pages timed: " +
        $"{string.Join(", ", pages.Select(p => $"`{p.Path}`"))}.\n\n";

    static string RebuildSection(System.Text.Json.JsonElement run, long events, long peak, long before)
    {
        var rate = run.GetProperty("eventsPerSecond").GetDouble();
        var elapsed = run.GetProperty("elapsedMilliseconds").GetDouble();
        var text = new StringBuilder();
        text.AppendLine("### Rebuild of the whole archive");
        text.AppendLine();
        text.AppendLine("Cold: every read-model table and the search index emptied first, then `POST /api/feed/rebuild` (timed by the service). " +
                        "The log is read in chunks of 1,000 streams while earlier chunks are written; the search rows are written beside the documents. " +
                        "Peak RSS is the ReaderFeed process's high-water mark (`VmHWM`, reset just before the rebuild).");
        text.AppendLine();
        text.AppendLine("| events | articles | elapsed (s) | read + fold, summed (s) | write, summed (s) | events/s | peak RSS (MiB) | RSS before (MiB) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {run.GetProperty("events").GetInt64():N0} | {run.GetProperty("articles").GetInt32():N0} | {elapsed / 1000:N1} | {run.GetProperty("readMilliseconds").GetDouble() / 1000:N1} | " +
            $"{run.GetProperty("writeMilliseconds").GetDouble() / 1000:N1} | {rate:N0} | {peak / 1048576.0:N0} | {before / 1048576.0:N0} |"));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Rebuild **{rate:N0} events/s** (goal ≥ 20,000: {(rate >= 20_000 ? "met" : "not met")}), peak RSS **{peak / 1048576.0:N0} MiB** " +
            $"(goal < 512 MiB: {(peak < 512L * 1048576 ? "met" : "not met")}). The log held {events:N0} events."));
        text.AppendLine();
        return text.ToString();
    }

    static string PagesSection(int articles, (string Name, string Path)[] pages, Dictionary<string, List<double>> atSmall,
        Dictionary<string, List<double>> atLarge, int samples)
    {
        var text = new StringBuilder();
        text.AppendLine("### Home, section and author pages: 1,000 articles vs the whole archive");
        text.AppendLine();
        text.AppendLine($"{samples} requests per page and size, interleaved, straight to ReaderFeed; before each a `NOTIFY` on the read-model channel " +
                        "(what every publish sends) so that each request renders the page from the database, as the first reader after a publish does.");
        text.AppendLine();
        text.AppendLine($"| page | 1,000: p50 (ms) | 1,000: p90 (ms) | {articles:N0}: p50 (ms) | {articles:N0}: p90 (ms) | ratio of p50 | goal ≤ 1.5× |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        var worst = 0.0;
        foreach (var (name, _) in pages)
        {
            var s50 = BenchmarkContext.Median(atSmall[name]);
            var l50 = BenchmarkContext.Median(atLarge[name]);
            worst = Math.Max(worst, l50 / s50);
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {s50:0.0} | {BenchmarkContext.Percentile(atSmall[name], 90):0.0} | {l50:0.0} | {BenchmarkContext.Percentile(atLarge[name], 90):0.0} | {l50 / s50:0.00}× | {(l50 / s50 <= 1.5 ? "met" : "not met")} |"));
        }
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Slowest growth: **{worst:0.00}×** from 1,000 to {articles:N0} articles (p50)."));
        text.AppendLine();
        return text.ToString();
    }

    static string SitemapSection(Dictionary<string, List<double>> times, int articles)
    {
        var text = new StringBuilder();
        text.AppendLine("### Sitemaps");
        text.AppendLine();
        text.AppendLine("Each request after a `NOTIFY`, so it is generated afresh: the index (live articles counted per month from the " +
                        "`(status, published_at, last_changed_at)` index) and month children (about 8,900 URLs each at this spacing).");
        text.AppendLine();
        text.AppendLine("| document | requests | p50 (ms) | max (ms) |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var (name, list) in times)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {list.Count} | {BenchmarkContext.Median(list):0.0} | {list.Max():0.0} |"));
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Month child generation p50 **{BenchmarkContext.Median(times["month child"]):0} ms** at {articles:N0} articles."));
        text.AppendLine();
        return text.ToString();
    }

    static string LongTailSection(List<(string Target, WrkResult Result, long RssBytes)> runs, int paths, long idle, string? gatewayProblem, int wrkSeconds)
    {
        var text = new StringBuilder();
        text.AppendLine("### Random long-tail article pages through the gateway");
        text.AppendLine();
        if (runs.Count == 0)
        {
            text.AppendLine($"Not measured: {gatewayProblem}.");
            text.AppendLine();
            return text.ToString();
        }
        text.AppendLine($"`wrk -t2 -c64 -d{wrkSeconds}s --latency` with a script requesting a uniformly random one of the {paths:N0} live article paths each time, " +
                        "through the gateway (its shipped 10 s output cache; with the reader cookie every request passes it), three rounds alternating. " +
                        "Random paths mostly miss the gateway's cache and ReaderFeed's page cache alike. ReaderFeed's RSS is sampled every second during each run.");
        text.AppendLine();
        text.AppendLine("| via | round | requests/s | p50 (ms) | p99 (ms) | non-2xx/errors | ReaderFeed RSS, max (MiB) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in runs.GroupBy(r => r.Target))
        {
            var round = 0;
            foreach (var (target, result, rss) in group)
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {target} | {++round} | {result.RequestsPerSecond:N0} | {result.P50Ms:0.00} | {result.P99Ms:0.00} | {result.Errors} | {rss / 1048576.0:N0} |"));
        }
        text.AppendLine();
        var gateway = runs.Where(r => r.Target == "gateway").Select(r => r.Result).ToList();
        var rate = BenchmarkContext.Median(gateway.Select(r => r.RequestsPerSecond).ToList());
        var p99 = BenchmarkContext.Median(gateway.Select(r => r.P99Ms).ToList());
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Through the gateway, medians: **{rate:N0} req/s, p99 {p99:0.0} ms** (goal ≥ 3,000 req/s and p99 ≤ 50 ms: {(rate >= 3000 && p99 <= 50 ? "met" : "not met")}). " +
            $"ReaderFeed RSS idle (after the rebuild and the page timings) {idle / 1048576.0:N0} MiB, under this load up to {runs.Max(r => r.RssBytes) / 1048576.0:N0} MiB."));
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>Each page's render time, the pages interleaved, each request after a change notification so it renders afresh.</summary>
    static async Task<Dictionary<string, List<double>>> PageLatenciesAsync(HttpClient client, string postgres, (string Name, string Path)[] pages, int samples)
    {
        var times = pages.ToDictionary(p => p.Name, _ => new List<double>());
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        foreach (var (_, path) in pages) await GetAsync(client, path); // warm-up: code paths, connections
        for (var i = 0; i < samples; i++)
            foreach (var (name, path) in pages)
            {
                await NotifyAsync(connection);
                times[name].Add(await GetAsync(client, path));
            }
        return times;
    }

    static async Task<Dictionary<string, List<double>>> SitemapTimesAsync(HttpClient client, string postgres, DateTimeOffset newest, int articles, int samples)
    {
        var times = new Dictionary<string, List<double>> { ["index"] = [], ["month child"] = [] };
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        var months = (int)(TimeSpan.FromMinutes(5 * (double)articles).TotalDays / 30.44);
        var random = new Random(3);
        for (var i = 0; i < samples; i++)
        {
            await NotifyAsync(connection);
            times["index"].Add(await GetAsync(client, "/sitemap.xml"));
            // A full month: not the newest one (partly filled), nor the oldest.
            var month = newest.AddMonths(-1 - random.Next(Math.Max(1, months - 2)));
            await NotifyAsync(connection);
            times["month child"].Add(await GetAsync(client, $"/sitemaps/{month.UtcDateTime:yyyy-MM}.xml"));
        }
        return times;
    }

    static async Task NotifyAsync(NpgsqlConnection connection)
    {
        await using (var notify = new NpgsqlCommand("notify readerfeed_changes", connection)) await notify.ExecuteNonQueryAsync();
        await Task.Delay(25); // the listener hears it within a millisecond or two
    }

    static async Task<double> GetAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
        return elapsed;
    }

    static async Task<string> LongTailScriptAsync(List<string> paths)
    {
        var directory = Directory.CreateTempSubdirectory("archive-bench").FullName;
        var list = Path.Combine(directory, "paths.txt");
        await File.WriteAllLinesAsync(list, paths);
        var script = Path.Combine(directory, "long-tail.lua");
        await File.WriteAllTextAsync(script, $$"""
            local paths = {}
            for line in io.lines("{{list}}") do paths[#paths + 1] = line end
            math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
            request = function() return wrk.format("GET", paths[math.random(#paths)]) end
            """);
        return script;
    }

    static async Task<WrkResult> RunWrkAsync(Uri target, string script, TimeSpan duration, string? header)
    {
        string[] arguments = ["-t2", "-c64", "-d" + (int)duration.TotalSeconds + "s", "--latency", "-s", script, .. header is null ? Array.Empty<string>() : ["-H", header], target.ToString()];
        using var process = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException("wrk did not start (apt-get install -y wrk).");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {output}{await process.StandardError.ReadToEndAsync()}");
        return WrkResult.Parse(output);
    }

    static async Task<long> SampleRssAsync(int pid, TimeSpan duration)
    {
        long max = 0;
        var end = DateTime.UtcNow + duration;
        while (DateTime.UtcNow < end)
        {
            max = Math.Max(max, Memory(pid).RssBytes);
            await Task.Delay(1000);
        }
        return max;
    }

    /// <summary>Resident and peak resident memory of a process, from /proc.</summary>
    static (long RssBytes, long PeakBytes) Memory(int pid)
    {
        var status = File.ReadAllText($"/proc/{pid}/status");
        long Kb(string field) => long.Parse(Regex.Match(status, $@"^{field}:\s+(\d+) kB", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture) * 1024;
        return (Kb("VmRSS"), Kb("VmHWM"));
    }

    /// <summary>Resets the peak RSS (VmHWM) to the current RSS (Linux, clear_refs value 5).</summary>
    static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    static async Task ExecuteAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>As ReaderFeed slugs a byline for /authors/{slug} (ASCII letters and digits, hyphens between words).</summary>
    static string Slug(string name) => string.Join('-', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
