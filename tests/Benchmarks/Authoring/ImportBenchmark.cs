using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsPlatform.Benchmarks.Text;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.Authoring;

/// <summary>
/// Bulk archive import: an NDJSON archive of Zipf-distributed newsroom text (wamerican-large) uploaded to a real
/// Authoring process as one batch, with ReaderFeed and the gateway running. Measures Authoring's import rate
/// (batch accepted → completed), the time until the archive's last article is served through the gateway, and
/// what a concurrent probe of reader and editorial routes through the gateway sees meanwhile (5xx, latency)
/// against a quiet baseline. <c>NEWSPLATFORM_BENCH_IMPORT_ARTICLES</c> sets the archive size (default 100,000).
/// </summary>
public sealed class ImportBenchmark : IBenchmark
{
    const string LastHeadline = "Archive Import Benchmark Final Article";
    const string LastPath = "/news/archive-import-benchmark-final-article";
    static readonly TimeSpan Baseline = TimeSpan.FromSeconds(15);
    static readonly string[] Sections = ["News", "World", "Politics", "Business", "Sports", "Culture", "Opinion"];
    static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public string Name => "import";
    public string Title => "Bulk archive import (Authoring)";

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var articles = int.TryParse(Environment.GetEnvironmentVariable("NEWSPLATFORM_BENCH_IMPORT_ARTICLES"), out var n) && n > 0 ? n : 100_000;
        var archive = Path.Combine(Path.GetTempPath(), $"newsplatform-import-bench-{articles}.ndjson");
        var uploads = Directory.CreateTempSubdirectory("newsplatform-import-bench-").FullName;
        Console.WriteLine($"writing {articles:N0} articles to {archive}");
        var bytes = WriteArchive(archive, articles);

        await using var infrastructure = await context.CreateInfrastructureAsync();
        var quiet = infrastructure.Settings();
        quiet["Logging:LogLevel:Default"] = "Warning";
        await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", quiet);
        var authoringSettings = new Dictionary<string, string?>(quiet) { ["Authoring:Import:Folder"] = uploads };
        // NEWSPLATFORM_BENCH_IMPORT_TRACE=1 prints where each chunk's time went (the importer's debug line per chunk).
        var trace = Environment.GetEnvironmentVariable("NEWSPLATFORM_BENCH_IMPORT_TRACE") == "1";
        if (trace) authoringSettings["Logging:LogLevel:NewsPlatform.Authoring.Import.Bulk"] = "Debug";
        await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", authoringSettings);
        var gatewaySettings = new Dictionary<string, string?>(quiet)
        {
            ["ReverseProxy:Clusters:readerfeed:Destinations:readerfeed-1:Address"] = readerFeed.BaseAddress.ToString(),
            ["ReverseProxy:Clusters:authoring:Destinations:authoring-1:Address"] = authoring.BaseAddress.ToString(),
            ["Gateway:Readiness:ServiceDownStatus"] = "Degraded",
        };
        await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", gatewaySettings);
        // Tokens live 10 minutes and a large import runs longer: each client takes a fresh one as it goes.
        static string token() => TestTokens.For("editor", "archivist@newsplatform.test");

        // A quiet baseline of the probe first, then the same probe while the batch runs.
        var baseline = await Probe.RunAsync(gateway.BaseAddress, token, Baseline, cancellationToken);
        using var importing = new CancellationTokenSource();
        var during = Probe.RunAsync(gateway.BaseAddress, token, Timeout.InfiniteTimeSpan, importing.Token);

        using var editor = new HttpClient { BaseAddress = authoring.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token());
        var clock = Stopwatch.StartNew();
        await using var file = File.OpenRead(archive);
        using var body = new StreamContent(file);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var started = await editor.PostAsync("/api/authoring/import/batches?publish=true&name=archive.ndjson", body, cancellationToken);
        started.EnsureSuccessStatusCode();
        var accepted = clock.Elapsed;
        var location = started.Headers.Location!;
        BatchStatus status;
        while (true)
        {
            editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token());
            status = (await editor.GetFromJsonAsync<BatchStatus>(location, JsonSerializerOptions.Web, cancellationToken))!;
            if (status.Status == "completed") break;
            Console.WriteLine($"  {status.Done:N0} done, {status.Failed:N0} failed, {status.Remaining:N0} left");
            await Task.Delay(1000, cancellationToken);
        }
        var completed = clock.Elapsed;
        if (trace)
            foreach (var line in authoring.Output.Split('\n').Where(l => l.Contains("article(s) at", StringComparison.Ordinal)).TakeLast(20))
                Console.WriteLine(line);
        var importSeconds = (completed - accepted).TotalSeconds;

        using var reader = new HttpClient { BaseAddress = gateway.BaseAddress };
        while ((await reader.GetAsync(LastPath, cancellationToken)).StatusCode != System.Net.HttpStatusCode.OK)
            await Task.Delay(200, cancellationToken);
        var visible = clock.Elapsed;
        await importing.CancelAsync();
        var load = await during;
        Directory.Delete(uploads, recursive: true);

        var rate = status.Imported / importSeconds;
        var report = new StringBuilder();
        report.AppendLine($"One batch of **{rate:N0} articles/s** ({status.Imported:N0} imported, {status.Failed:N0} failed of {status.Total:N0}, " +
                          $"{bytes / 1024.0 / 1024:N0} MiB of NDJSON, Zipf text over wamerican-large) in {importSeconds:N1} s from the batch's " +
                          $"202 Accepted to its `completed` status (the upload and its counting pass took {accepted.TotalSeconds:N1} s). " +
                          $"The archive's last article was served through the gateway {(visible - accepted).TotalSeconds:N1} s after the 202 " +
                          $"({(visible - completed).TotalSeconds:N1} s after the batch completed: the relay and ReaderFeed catching up).");
        report.AppendLine();
        report.AppendLine("A probe through the gateway (2 readers on the home page and the article page, 1 editor listing articles, back to back):");
        report.AppendLine();
        report.AppendLine("| | requests | 5xx | other failures (4xx) | reader p50 / p99 ms | editorial p50 / p99 ms |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        report.AppendLine(baseline.Row($"quiet, {Baseline.TotalSeconds:0} s"));
        report.AppendLine(load.Row("during the import"));
        report.AppendLine();
        report.AppendLine($"Machine load (1/5/15 min) at the end: {LoadAverage()}. Chunks of 250 articles per transaction, one batch at a time.");
        return report.ToString();
    }

    static long WriteArchive(string path, int articles)
    {
        var text = new ZipfText(seed: 13);
        var start = new DateTime(2015, 1, 1);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            for (var i = 0; i < articles; i++)
            {
                var last = i == articles - 1;
                var local = start.AddDays(text.Next(3650)).AddHours(8 + text.Next(12)).AddMinutes(text.Next(60));
                var zone = Copenhagen.IsDaylightSavingTime(local) ? "CEST" : "CET";
                var published = local.ToString("MMM.d - yyyy h:mm tt", CultureInfo.InvariantCulture) + " " + zone;
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    headline = last ? LastHeadline : text.Headline(),
                    authors = new[] { text.Byline() },
                    published,
                    section = last ? "News" : Sections[text.Next(Sections.Length)],
                    lead = text.Sentence(),
                    body = text.Body(paragraphs: 6),
                }));
            }
        }
        return new FileInfo(path).Length;
    }

    static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    sealed record BatchStatus(string Status, int Total, int Done, int Imported, int Failed, int Remaining);

    /// <param name="Refused">Answers other than 2xx and 5xx (a 4xx would mean the probe itself went wrong).</param>
    sealed record Probe(long Requests, long ServerErrors, long Refused, List<double> Reader, List<double> Editorial)
    {
        /// <param name="token">Mints the editor's token; the probe takes a fresh one every few minutes, as the editor UI does.</param>
        public static async Task<Probe> RunAsync(Uri gateway, Func<string> token, TimeSpan duration, CancellationToken ct)
        {
            var probe = new Probe(0, 0, 0, [], []);
            using var timer = duration == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(duration);
            var until = timer is null ? ct : CancellationTokenSource.CreateLinkedTokenSource(ct, timer.Token).Token;
            var errors = 0L;
            var refused = 0L;
            var requests = 0L;
            async Task Loop(string[] paths, List<double> latencies, Func<string>? bearer)
            {
                using var client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
                var minted = Stopwatch.StartNew();
                if (bearer is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer());
                for (var i = 0; !until.IsCancellationRequested; i++)
                {
                    if (bearer is not null && minted.Elapsed > TimeSpan.FromMinutes(5))
                    {
                        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer());
                        minted.Restart();
                    }
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        using var response = await client.GetAsync(paths[i % paths.Length], CancellationToken.None);
                        await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
                        if ((int)response.StatusCode >= 500) Interlocked.Increment(ref errors);
                        else if (!response.IsSuccessStatusCode) Interlocked.Increment(ref refused);
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    Interlocked.Increment(ref requests);
                    lock (latencies) latencies.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
            await Task.WhenAll(
                Loop(["/", LastPath], probe.Reader, null),
                Loop(["/", "/news"], probe.Reader, null),
                Loop(["/api/authoring/articles"], probe.Editorial, token));
            return probe with { Requests = requests, ServerErrors = errors, Refused = refused };
        }

        public string Row(string name) =>
            $"| {name} | {Requests:N0} | {ServerErrors:N0} | {Refused:N0} | {BenchmarkContext.Median(Reader):N0} / {BenchmarkContext.Percentile(Reader, 99):N0} | " +
            $"{BenchmarkContext.Median(Editorial):N0} / {BenchmarkContext.Percentile(Editorial, 99):N0} |";
    }
}
