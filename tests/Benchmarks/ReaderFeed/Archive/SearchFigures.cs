using System.Globalization;
using System.Text;
using NewsPlatform.Benchmarks.Text;
using Npgsql;

namespace NewsPlatform.Benchmarks.ReaderFeed.Archive;

/// <summary>
/// Search latency and throughput of a running ReaderFeed over whatever archive it holds: wrk with 16 connections
/// on <c>/search?q=</c> (the HTML page a reader gets: query, spelling check, fragments, cards), each request a
/// word drawn at random from a set. Common words are ones in at least 10% of indexed articles (goal p50 ≤ 30 ms,
/// p99 ≤ 150 ms); rare words are in fewer than 0.1%. Both sets are picked from the index itself by counting.
/// Rounds alternate common and rare; the table shows medians over rounds.
/// </summary>
public static class SearchFigures
{
    public const int Connections = 16;

    public sealed record Word(string Text, double Share);

    public sealed record Words(long Articles, IReadOnlyList<Word> Common, IReadOnlyList<Word> Rare);

    /// <summary>Measures and returns a markdown section (heading level 3).</summary>
    public static async Task<string> MeasureAsync(Uri readerFeed, BenchmarkContext context, string postgres, CancellationToken cancellationToken,
        int seconds = 10, int rounds = 3)
    {
        var loadBefore = LoadAverage();
        var words = await PickWordsAsync(postgres, cancellationToken);
        if (words.Common.Count == 0 || words.Rare.Count == 0)
            throw new InvalidOperationException($"The index of {words.Articles:N0} articles has too few common or rare words to measure search.");
        using var client = new HttpClient { BaseAddress = readerFeed };
        foreach (var word in words.Common.Concat(words.Rare))
        {
            var page = await client.GetAsync($"/search?q={Uri.EscapeDataString(word.Text)}", cancellationToken);
            var html = await page.Content.ReadAsStringAsync(cancellationToken);
            if (!page.IsSuccessStatusCode || !html.Contains("<mark>", StringComparison.Ordinal))
                throw new InvalidOperationException($"/search?q={word.Text} answered {(int)page.StatusCode} without highlighted results.");
        }

        var sets = new[] { ("common", words.Common), ("rare", words.Rare) };
        var scripts = sets.ToDictionary(s => s.Item1, s => Script(s.Item2));
        var results = sets.ToDictionary(s => s.Item1, _ => new List<WrkResult>());
        try
        {
            foreach (var (name, _) in sets) await WrkResult.RunAsync(readerFeed.ToString(), TimeSpan.FromSeconds(2), connections: Connections, script: scripts[name]);
            for (var round = 0; round < rounds; round++)
                foreach (var (name, _) in sets)
                {
                    var run = await WrkResult.RunAsync(readerFeed.ToString(), TimeSpan.FromSeconds(seconds), connections: Connections, script: scripts[name]);
                    results[name].Add(run);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"search {name} round {round + 1}: {run.RequestsPerSecond:N0} req/s, p50 {run.P50Ms:0.0} ms, p99 {run.P99Ms:0.0} ms, errors {run.Errors}"));
                }
        }
        finally
        {
            foreach (var script in scripts.Values) File.Delete(script);
        }

        var report = new StringBuilder();
        report.AppendLine("### Search");
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"`GET /search?q=WORD` on ReaderFeed directly (the HTML page: spelling check, the newest ≤ 1,000 matches ranked, fragments " +
            $"by `ts_headline`, cards), {Connections} connections (wrk), {rounds} rounds of {seconds} s alternating the two word sets, medians. " +
            $"**{words.Articles:N0} articles** in the index. Each request draws one word at random from its set."));
        report.AppendLine();
        report.AppendLine("| words | share of articles matching | req/s | p50 (ms) | p99 (ms) | errors |");
        report.AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var (name, set) in sets)
        {
            var runs = results[name];
            var p50 = BenchmarkContext.Median(runs.Select(r => r.P50Ms).ToList());
            var p99 = BenchmarkContext.Median(runs.Select(r => r.P99Ms).ToList());
            var rps = BenchmarkContext.Median(runs.Select(r => r.RequestsPerSecond).ToList());
            var shares = string.Join(", ", set.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Text} {w.Share:P1}")));
            var (p50Text, p99Text) = name == "common" ? ($"**{p50:0.0}**", $"**{p99:0.0}**") : ($"{p50:0.0}", $"{p99:0.0}");
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {shares} | {rps:N0} | {p50Text} | {p99Text} | {runs.Sum(r => r.Errors)} |"));
        }
        var common = results["common"];
        var commonP50 = BenchmarkContext.Median(common.Select(r => r.P50Ms).ToList());
        var commonP99 = BenchmarkContext.Median(common.Select(r => r.P99Ms).ToList());
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Common words: p50 {commonP50:0.0} ms (goal ≤ 30: {(commonP50 <= 30 ? "met" : "not met")}), " +
            $"p99 {commonP99:0.0} ms (goal ≤ 150: {(commonP99 <= 150 ? "met" : "not met")}). " +
            $"Machine load (1/5/15 min) before: {loadBefore}; after: {LoadAverage()} (2 cores, shared with ReaderFeed, PostgreSQL and wrk)."));
        report.AppendLine();
        return report.ToString();
    }

    /// <summary>
    /// Words of <see cref="ZipfText"/> by how many indexed articles contain them: up to five in at least 10% (and
    /// at most 60%, to stay words a reader might search for), and five in fewer than 0.1% but at least one.
    /// </summary>
    public static async Task<Words> PickWordsAsync(string postgres, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(postgres);
        await using var total = dataSource.CreateCommand("select count(*) from readerfeed.article_search");
        var articles = (long)(await total.ExecuteScalarAsync(cancellationToken))!;
        var common = new List<Word>();
        for (var rank = 20; rank < 2000 && common.Count < 5; rank += 7)
        {
            var share = await ShareAsync(ZipfText.WordAt(rank));
            if (share is >= 0.10 and <= 0.60) common.Add(new Word(ZipfText.WordAt(rank), share.Value));
        }
        var rare = new List<Word>();
        for (var rank = 20_000; rank < ZipfText.VocabularySize && rare.Count < 5; rank += 997)
        {
            var share = await ShareAsync(ZipfText.WordAt(rank));
            if (share is > 0 and < 0.001) rare.Add(new Word(ZipfText.WordAt(rank), share.Value));
        }
        return new Words(articles, common, rare);

        async Task<double?> ShareAsync(string word)
        {
            await using var command = dataSource.CreateCommand(
                """
                select case when numnode(q) = 0 then null else (select count(*) from readerfeed.article_search s where s.document @@ q) end
                from plainto_tsquery('english', $1) q
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = word });
            return await command.ExecuteScalarAsync(cancellationToken) is long count ? (double)count / Math.Max(1, articles) : null;
        }
    }

    /// <summary>A wrk script sending each request for one of <paramref name="words"/>, drawn at random.</summary>
    static string Script(IReadOnlyList<Word> words)
    {
        var path = Path.Combine(Path.GetTempPath(), $"search-{Guid.NewGuid():N}.lua");
        var paths = string.Join(", ", words.Select(w => $"\"/search?q={Uri.EscapeDataString(w.Text)}\""));
        File.WriteAllText(path, $$"""
            local paths = { {{paths}} }
            math.randomseed(os.time())
            request = function() return wrk.format("GET", paths[math.random(#paths)]) end
            """);
        return path;
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
