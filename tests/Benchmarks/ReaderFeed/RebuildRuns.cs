using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Benchmarks.ReaderFeed;

/// <summary>
/// Rebuild speed, cold and warm. Cold: the read models and the search index are empty (a new deployment, or the
/// event log restored without its read models), so every document is written and every article indexed — the
/// goal's figure. Warm: everything is in place, so documents are rewritten and search rows whose source did not
/// change are kept. Runs alternate cold, warm, cold, warm, ...; before each cold run the read-model tables are
/// emptied.
/// </summary>
public static class RebuildRuns
{
    public sealed record Run(int Number, bool Cold, long Events, int SearchRows, double ReadMs, double WriteMs, double DocumentsMs, double SearchMs, double EventsPerSecond);

    static readonly string[] ReadModelTables =
        ["readerfeed.mt_doc_articleview", "readerfeed.mt_doc_mediaview", "readerfeed.mt_doc_trendingview", "readerfeed.article_search"];

    public static async Task<List<Run>> RunAsync(HttpClient readerFeed, string postgres, int pairs)
    {
        var runs = new List<Run>();
        for (var pair = 0; pair < pairs; pair++)
        {
            await EmptyReadModelsAsync(postgres);
            runs.Add(Parse(runs.Count + 1, cold: true, await RebuildAsync(readerFeed)));
            runs.Add(Parse(runs.Count + 1, cold: false, await RebuildAsync(readerFeed)));
            Console.WriteLine($"rebuild pair {pair + 1}: cold {runs[^2].EventsPerSecond:N0} events/s, warm {runs[^1].EventsPerSecond:N0} events/s");
        }
        return runs;
    }

    public static string Report(List<Run> runs, long events, int articles)
    {
        var report = new StringBuilder();
        report.AppendLine("### Rebuild from the event log");
        report.AppendLine();
        report.AppendLine($"{articles:N0} articles × {EventLogSeeder.EventsPerArticle} events (publish, 5 revisions, correction, slug change; each carries the whole article, ~2.4 KB body), " +
                          $"{articles:N0} photos × 2 events, a Trending Now list every 10 articles: **{events:N0} events**, seeded straight into ReaderFeed's event log. " +
                          "Each rebuild (`POST /api/feed/rebuild`, timed by the service: read + fold, then write) reads and folds the whole log and writes every read model. " +
                          "**Cold**: the read-model tables and the search index were emptied first (as on a new deployment), so every document is inserted and every live " +
                          "article's search vector built. **Warm**: all is in place, documents are rewritten and search rows whose source is unchanged are kept. " +
                          "Runs alternate cold and warm; run 1 is also the first rebuild of the process (code not yet jitted).");
        report.AppendLine();
        report.AppendLine("| run | kind | events | search rows indexed | read + fold (ms) | write (ms) | of which documents (ms) | search index, beside them (ms) | events/s |");
        report.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Number} | {(r.Cold ? "cold" : "warm")} | {r.Events:N0} | {r.SearchRows:N0} | {r.ReadMs:N0} | {r.WriteMs:N0} | {r.DocumentsMs:N0} | {r.SearchMs:N0} | {r.EventsPerSecond:N0} |"));
        var cold = BenchmarkContext.Median(runs.Where(r => r.Cold).Select(r => r.EventsPerSecond).ToList());
        var warm = BenchmarkContext.Median(runs.Where(r => !r.Cold).Select(r => r.EventsPerSecond).ToList());
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Cold median **{cold:N0} events/s** — the goal's figure (goal ≥ 20,000: {(cold >= 20_000 ? "met" : "not met")}); " +
            $"slowest cold run {runs.Where(r => r.Cold).Min(r => r.EventsPerSecond):N0} events/s. Warm median {warm:N0} events/s."));
        report.AppendLine();
        return report.ToString();
    }

    static Run Parse(int number, bool cold, JsonElement run) => new(number, cold,
        run.GetProperty("events").GetInt64(), run.GetProperty("searchRowsRebuilt").GetInt32(),
        run.GetProperty("readMilliseconds").GetDouble(), run.GetProperty("writeMilliseconds").GetDouble(),
        run.GetProperty("documentsMilliseconds").GetDouble(), run.GetProperty("searchMilliseconds").GetDouble(),
        run.GetProperty("eventsPerSecond").GetDouble());

    static async Task EmptyReadModelsAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var truncate = new NpgsqlCommand($"truncate {string.Join(", ", ReadModelTables)}", connection);
        await truncate.ExecuteNonQueryAsync();
    }

    internal static async Task<JsonElement> RebuildAsync(HttpClient client)
    {
        var token = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feed/rebuild") { Headers = { Authorization = token } };
        var accepted = await client.SendAsync(request);
        if ((int)accepted.StatusCode != 202) throw new InvalidOperationException($"POST /api/feed/rebuild answered {(int)accepted.StatusCode}");
        var status = accepted.Headers.Location!;
        var run = await Eventually.MatchAsync(async () =>
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, status) { Headers = { Authorization = token } };
            return await (await client.SendAsync(poll)).Content.ReadFromJsonAsync<JsonElement>();
        }, r => r.GetProperty("state").GetString() is "Succeeded" or "Failed", TimeSpan.FromMinutes(10), "the rebuild");
        return run.GetProperty("state").GetString() == "Succeeded"
            ? run
            : throw new InvalidOperationException("Rebuild failed: " + run.GetProperty("error"));
    }
}
