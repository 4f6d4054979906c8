using System.Diagnostics;
using System.Globalization;
using System.Text;
using JasperFx;
using JasperFx.Events;
using Marten;
using NewsPlatform.Benchmarks.Text;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;
using Weasel.Core;

namespace NewsPlatform.Benchmarks.ReaderFeed.Archive;

/// <summary>
/// Search at archive size on its own (<c>bench.sh search</c>): SEARCH_BENCH_ARTICLES published articles of Zipf
/// text (default 100,000) written straight into ReaderFeed's event log, one publish event each, then one rebuild,
/// which builds the read models and the search index through ReaderFeed's own code; then <see cref="SearchFigures"/>.
/// </summary>
public sealed class SearchBenchmark : IBenchmark
{
    public string Name => "search";
    public string Title => "ReaderFeed: search at archive size";

    static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var articles = Setting("SEARCH_BENCH_ARTICLES", 100_000);
        var seconds = Setting("SEARCH_BENCH_WRK_SECONDS", 10);
        await using var infrastructure = await context.CreateInfrastructureAsync();
        var settings = infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Newsroom:SiteUrl"] = "http://localhost:8080";
        await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", settings);

        var clock = Stopwatch.StartNew();
        await SeedAsync(infrastructure.Database.ConnectionString, articles, cancellationToken);
        Console.WriteLine($"seeded {articles:N0} articles in {clock.Elapsed.TotalSeconds:0} s; rebuilding the read models");
        clock.Restart();
        var rebuild = await RebuildRuns.RebuildAsync(readerFeed.Client);
        var rebuildSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"rebuilt in {rebuildSeconds:0} s");

        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles:N0} articles of Zipf text (`ZipfText`: ~390-word bodies, headlines, a byline and two tags each), published " +
            $"one every {MinutesApart} minutes back from now, seeded into the event log and indexed by one rebuild " +
            $"({rebuild.GetProperty("searchRowsRebuilt").GetInt32():N0} search rows, {rebuildSeconds:0} s including the documents)."));
        report.AppendLine();
        report.Append(await SearchFigures.MeasureAsync(readerFeed.BaseAddress, context, infrastructure.Database.ConnectionString, cancellationToken, seconds));
        return report.ToString();
    }

    const int MinutesApart = 5;

    /// <summary>Appends one <see cref="ArticlePublishedV1"/> stream per article, 500 articles per transaction.</summary>
    static async Task SeedAsync(string connectionString, int articles, CancellationToken cancellationToken)
    {
        using var store = DocumentStore.For(opts =>
        {
            // The same event-store settings as ReaderFeed (see EventLogSeeder); its host created the schema.
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = "readerfeed";
            opts.Events.DatabaseSchemaName = "readerfeed";
            opts.Events.AppendMode = EventAppendMode.Rich;
            opts.Events.MetadataConfig.EnableAll();
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
            opts.Events.AddEventTypes([typeof(ArticlePublishedV1)]);
            opts.AutoCreateSchemaObjects = AutoCreate.None;
        });
        var sections = new[] { "news", "world", "politics", "business", "sports", "culture", "opinion" };
        var text = new ZipfText(14);
        var now = DateTimeOffset.UtcNow;
        const int batch = 500;
        for (var first = 0; first < articles; first += batch)
        {
            await using var session = store.LightweightSession();
            for (var i = first; i < Math.Min(articles, first + batch); i++)
            {
                var id = Guid.NewGuid();
                var at = now.AddMinutes(-MinutesApart * (articles - i));
                var article = new PublicArticle(id, sections[i % sections.Length], $"story-{i}", [], text.Headline(), text.Sentence(),
                    text.Body(6), [text.Byline()], [text.Word(), text.Word()], null, at, null, []);
                session.Events.StartStream(id, new ArticlePublishedV1(Guid.NewGuid(), id, 1, at, article));
            }
            await session.SaveChangesAsync(cancellationToken);
            if ((first / batch) % 20 == 0) Console.WriteLine($"seeded {Math.Min(articles, first + batch):N0} / {articles:N0} articles");
        }
    }
}
