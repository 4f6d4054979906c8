using System.Globalization;
using System.Text;

namespace NewsPlatform.Benchmarks.Backbone;

/// <summary>
/// The relay at archive scale and at newsroom pace: how fast Authoring's relay drains a backlog of real article
/// streams (1,000 / 100,000 / 1,000,000 events), and how long a published article takes to be served through the
/// gateway, measured from the publish response.
/// </summary>
public sealed class RelayBenchmark : IBenchmark
{
    /// <summary>
    /// The largest backlog, in events (default 1,000,000). <c>RELAY_BENCHMARK_EVENTS=100000 deploy/local/bench.sh relay</c>
    /// stops at 100,000 when the machine is too busy for a million-event drain; the block says which sizes ran.
    /// </summary>
    static readonly int LargestEvents = int.TryParse(Environment.GetEnvironmentVariable("RELAY_BENCHMARK_EVENTS"), out var events) ? events : 1_000_000;
    static readonly int[] BacklogArticles = new[] { 1_000, 100_000, 1_000_000 }
        .Where(e => e <= LargestEvents).Select(e => e / ArticleBacklog.EventsPerArticle).ToArray();
    const int Rounds = 2, VisibleSamples = 40;

    public string Name => "relay";
    public string Title => "Event backbone: relay throughput draining a backlog, publish → visible through the gateway";

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture; // figures as docs/benchmarks.md writes them
        var drains = BacklogArticles.ToDictionary(a => a, _ => new List<RelayDrain.Result>());
        var gateway = new List<double>();
        var direct = new List<double>();
        var load = new List<string> { Load() };
        for (var round = 1; round <= Rounds; round++)
        {
            // Alternate the kinds of run so the shared machine's noise spreads over all of them.
            foreach (var articles in BacklogArticles)
            {
                var result = await RelayDrain.RunAsync(context, articles, seed: round * 1000 + articles, cancellationToken);
                drains[articles].Add(result);
                Console.WriteLine($"round {round}: {result.Events:N0} events seeded in {result.Seeding.TotalSeconds:0.0} s, " +
                                  $"drained at {result.Rate:N0} events/s ({result.SinceStart.TotalSeconds:0.0} s from start), {result.Enqueued:N0} messages enqueued");
            }
            var visible = await PublishToGateway.MeasureAsync(context, VisibleSamples / Rounds, cancellationToken);
            gateway.AddRange(visible.Gateway);
            direct.AddRange(visible.Direct);
            Console.WriteLine($"round {round}: publish → visible through the gateway p50 {BenchmarkContext.Median(visible.Gateway):0} ms, " +
                              $"ReaderFeed directly p50 {BenchmarkContext.Median(visible.Direct):0} ms");
            load.Add(Load());
        }

        var million = drains[BacklogArticles[^1]];
        var headline = BenchmarkContext.Median(million.Select(r => r.Rate).ToList());
        var report = new StringBuilder();
        report.AppendLine(($"**{headline:N0} events/s** draining a {million[0].Events:N0}-event backlog (median of {million.Count} rounds; goal ≥ 20,000);"));
        report.AppendLine(($"publish → visible through the gateway **p50 {BenchmarkContext.Percentile(gateway, 50):0} ms, p99 {BenchmarkContext.Percentile(gateway, 99):0} ms** ({gateway.Count} articles; goal p50 ≤ 50 ms, p99 ≤ 200 ms)."));
        report.AppendLine();
        report.AppendLine("### Draining a backlog");
        report.AppendLine();
        report.AppendLine("| backlog (events) | articles | messages relayed | seeding (s) | drain rate per round (events/s) | **median (events/s)** | start → drained (s) |");
        report.AppendLine("|---:|---:|---:|---:|---|---:|---:|");
        foreach (var (articles, results) in drains)
        {
            report.AppendLine((
                $"| {results[0].Events:N0} | {articles:N0} | {articles * ArticleBacklog.RelayedPerArticle:N0} | {BenchmarkContext.Median(results.Select(r => r.Seeding.TotalSeconds).ToList()):0.0} | " +
                $"{string.Join(" / ", results.Select(r => r.Rate.ToString("N0")))} | **{BenchmarkContext.Median(results.Select(r => r.Rate).ToList()):N0}** | " +
                $"{BenchmarkContext.Median(results.Select(r => r.SinceStart.TotalSeconds).ToList()):0.0} |"));
        }
        report.AppendLine();
        report.AppendLine($"""
            Each round: a fresh database and vhost; the backlog is written into Authoring's schema with Marten's bulk event
            import (binary COPY) while no Authoring runs — real article streams of {ArticleBacklog.EventsPerArticle} events
            (drafted, edited twice, submitted, approved, published, revised twice, corrected, slug changed), Zipf-distributed
            text over wamerican-large (bodies of 5–10 paragraphs), in groups of 50 articles whose events interleave. Then
            Authoring (Release, `ServiceProcess`) starts and its relay drains the backlog: {ArticleBacklog.RelayedPerArticle} of the
            {ArticleBacklog.EventsPerArticle} events per article leave Authoring, each as a message carrying the whole public article.
            The rate counts all events passed, from the first stored page to the last (start-up excluded; a 1,000-event
            backlog is one page, so its rate is over the whole start → drained time). The relay stores progress only
            after every message of a page is confirmed, so the rate is of confirmed events. Messages land in one durable
            queue bound to the article exchanges (capped at 100,000, oldest dropped); the broker counted every message of
            every round (`messages relayed`).
            """);
        report.AppendLine();
        report.AppendLine("### Publish → visible");
        report.AppendLine();
        report.AppendLine("| read from | articles | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | goal |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        report.AppendLine(Row("through the gateway", gateway, "p50 ≤ 50 ms, p99 ≤ 200 ms"));
        report.AppendLine(Row("ReaderFeed directly", direct, ""));
        report.AppendLine();
        report.AppendLine("""
            Authoring, ReaderFeed and the gateway as their own processes (Release, shipped settings). Each article is
            created through the gateway, then timed from the moment `POST /api/authoring/articles/{id}/publish` answers
            until `GET` of its URL (polled every 2 ms) is served with its headline — through the gateway, or from
            ReaderFeed directly on alternate articles; one article at a time, 150 ms apart. What it contains: the
            append's `NOTIFY` waking the relay's daemon, one page load and map, one publish confirm, ReaderFeed's consumer
            transaction, and (through the gateway) the purge and refill of the gateway's cache.
            """);
        report.AppendLine();
        report.AppendLine($"Machine load (1/5/15 min) at the start and after each round: {string.Join("; ", load)}; {Environment.ProcessorCount} cores shared by PostgreSQL, RabbitMQ, the services and the load generator.");
        return report.ToString();
    }

    static string Row(string name, List<double> times, string goal) => (
        $"| {name} | {times.Count} | {BenchmarkContext.Percentile(times, 50):0} | {BenchmarkContext.Percentile(times, 90):0} | " +
        $"{BenchmarkContext.Percentile(times, 99):0} | {times.Max():0} | {goal} |");

    static string Load() => File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
