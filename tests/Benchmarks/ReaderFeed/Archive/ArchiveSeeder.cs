using System.Text;
using System.Text.Json;
using JasperFx.Events;
using NewsPlatform.Benchmarks.Text;
using NewsPlatform.Contracts.Articles;
using Npgsql;
using NpgsqlTypes;

namespace NewsPlatform.Benchmarks.ReaderFeed.Archive;

/// <summary>
/// Writes a newsroom's archive straight into ReaderFeed's event log with binary COPY, as its consumers would have
/// appended it: per article a publish, for three in ten a later revision, for one in a hundred an unpublish. Text is
/// Zipf-distributed over wamerican-large (<see cref="ZipfText"/>): a 6–10 word headline, a standfirst of a sentence or
/// two and a body of five paragraphs (about 2.5 KB); 224 bylines; articles five minutes apart back from now, so a
/// million reach back ten years. Seeded, so runs repeat.
/// </summary>
public static class ArchiveSeeder
{
    public static readonly string[] Sections = ["news", "world", "politics", "business", "sports", "culture", "opinion"];
    static readonly TimeSpan Spacing = TimeSpan.FromMinutes(5);

    // ReaderFeed reads its log with System.Text.Json and the member names as declared (EventLogReader).
    static readonly JsonSerializerOptions Json = new();

    public sealed record Seeded(long Events, List<string> LivePaths, List<string> Authors);

    /// <summary>Articles number <paramref name="from"/> to <paramref name="to"/> (exclusive), article 0 being the newest.</summary>
    public static async Task<Seeded> SeedAsync(string connectionString, int from, int to, DateTimeOffset newest, IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        var text = new ZipfText(from + 1);
        var live = new List<string>(to - from);
        var authors = new HashSet<string>(StringComparer.Ordinal);
        long events = 0;
        // One COPY per connection: streams and events are written side by side.
        await using var connection = new NpgsqlConnection(connectionString);
        await using var streamConnection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await streamConnection.OpenAsync(cancellationToken);

        await using (var streams = await streamConnection.BeginBinaryImportAsync("copy readerfeed.mt_streams (id, version) from stdin (format binary)", cancellationToken))
        await using (var log = await connection.BeginBinaryImportAsync(
                         "copy readerfeed.mt_events (id, stream_id, version, data, type, mt_dotnet_type, timestamp) from stdin (format binary)", cancellationToken))
        {
            for (var i = from; i < to; i++)
            {
                var at = newest - i * Spacing;
                var headline = text.Headline();
                var id = Guid.NewGuid();
                var authorsOf = text.Next(5) == 0 ? new[] { text.Byline(), text.Byline() }.Distinct().ToArray() : [text.Byline()];
                var article = new PublicArticle(id, Sections[text.Next(Sections.Length)], $"{Slug(headline)}-{i}", [], headline,
                    text.Sentence() + " " + text.Sentence(), text.Body(5), authorsOf, [text.Word(), text.Word()], null, at, null, []);
                var stream = new List<object> { new ArticlePublishedV1(Guid.NewGuid(), id, 1, at, article) };
                if (text.Next(10) < 3)
                {
                    var revisedAt = at.AddHours(1 + text.Next(48));
                    stream.Add(new ArticleRevisedV1(Guid.NewGuid(), id, 2, revisedAt, article with { Standfirst = text.Sentence(), UpdatedAt = revisedAt }, text.Next(2) == 0));
                }
                var unpublished = text.Next(100) == 0;
                if (unpublished)
                    stream.Add(new ArticleUnpublishedV1(Guid.NewGuid(), id, stream.Count + 1, at.AddDays(1), id, article.Section, article.Slug, "Legal request"));
                else
                    live.Add($"/{article.Section}/{article.Slug}");
                foreach (var author in authorsOf) authors.Add(author);

                await streams.StartRowAsync(cancellationToken);
                await streams.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                await streams.WriteAsync((long)stream.Count, NpgsqlDbType.Bigint, cancellationToken);
                for (var v = 0; v < stream.Count; v++)
                {
                    var e = stream[v];
                    var type = e.GetType();
                    await log.StartRowAsync(cancellationToken);
                    await log.WriteAsync(((Contracts.IIntegrationEvent)e).EventId, NpgsqlDbType.Uuid, cancellationToken);
                    await log.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await log.WriteAsync((long)(v + 1), NpgsqlDbType.Bigint, cancellationToken);
                    await log.WriteAsync(JsonSerializer.Serialize(e, type, Json), NpgsqlDbType.Jsonb, cancellationToken);
                    await log.WriteAsync(type.GetEventTypeName(), NpgsqlDbType.Varchar, cancellationToken);
                    await log.WriteAsync($"{type.FullName}, {type.Assembly.GetName().Name}", NpgsqlDbType.Varchar, cancellationToken);
                    await log.WriteAsync(((Contracts.IIntegrationEvent)e).OccurredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                    events++;
                }
                if ((i - from + 1) % 10_000 == 0) progress?.Report(i - from + 1);
            }
            await log.CompleteAsync(cancellationToken);
            await streams.CompleteAsync(cancellationToken);
        }
        await using (var analyze = new NpgsqlCommand("analyze readerfeed.mt_events; analyze readerfeed.mt_streams", connection))
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        return new Seeded(events, live, authors.ToList());
    }

    static string Slug(string headline)
    {
        var slug = new StringBuilder();
        foreach (var c in headline.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (c == ' ' && slug.Length > 0 && slug[^1] != '-') slug.Append('-');
            if (slug.Length >= 60) break;
        }
        return slug.ToString().Trim('-');
    }
}
