using System.Text.Json;
using System.Threading.Channels;
using JasperFx.Events;
using NewsPlatform.Contracts.Articles;
using Npgsql;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// Reads the whole event log for a rebuild. Article bodies are most of the log's bytes but never decide
/// anything in a fold — they only travel inside the winning version's article — so the log is first read
/// without them, and then only each article's winning event is read whole. The result is the same as
/// folding the complete events. Arrival order does not matter to the folds, so the log is read in slices
/// on parallel connections while every core deserialises, and the folds take events as they come.
/// </summary>
public static class EventLogReader
{
    const int BatchSize = 256;

    static readonly Dictionary<string, Type> TypesByName = EventLogStreams.EventTypes.ToDictionary(t => t.GetEventTypeName());

    // Marten stores events with System.Text.Json and the member names as declared, which the defaults read back.
    static readonly JsonSerializerOptions Json = new();

    /// <summary>A logged event as UTF-8 JSON, which System.Text.Json reads without a detour through UTF-16 strings.</summary>
    sealed record Row(Guid LogId, string Type, byte[] Data);

    public static async Task<ReadModelSet> FoldAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        var set = new ReadModelSet();
        var logIdOfEvent = new Dictionary<Guid, Guid>();
        var slices = Math.Max(1, Environment.ProcessorCount);
        var withoutBodies = Enumerable.Range(0, slices)
            .Select(slice => $"select id, type, convert_to((data #- '{{Article,Body}}')::text, 'UTF8') from {schema}.mt_events where seq_id % {slices} = {slice}")
            .ToArray();
        await foreach (var (logId, message) in ReadAsync(dataSource, withoutBodies, null, cancellationToken))
        {
            set.Apply(message);
            if (message is ArticlePublishedV1 or ArticleRevisedV1 or ArticleCorrectedV1 or ArticleSlugChangedV1)
                logIdOfEvent[((Contracts.IIntegrationEvent)message).EventId] = logId;
        }

        var winners = set.Articles.Values.Where(a => a.Article is not null).Select(a => logIdOfEvent[a.ContentEventId]).ToArray();
        await foreach (var (_, message) in ReadAsync(dataSource, [$"select id, type, convert_to(data::text, 'UTF8') from {schema}.mt_events where id = any(@ids)"], winners, cancellationToken))
        {
            var article = ArticleOf(message);
            set.Articles[article.ArticleId] = set.Articles[article.ArticleId] with { Article = article };
        }
        return set.Complete();
    }

    /// <summary>Streams the rows of every query (one connection each) and deserialises them on every core.</summary>
    static async IAsyncEnumerable<(Guid LogId, object Message)> ReadAsync(NpgsqlDataSource dataSource, string[] queries, Guid[]? ids,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = Channel.CreateBounded<Row[]>(16);
        var events = Channel.CreateBounded<(Guid, object)[]>(new BoundedChannelOptions(16) { SingleReader = true });

        var producers = queries.Select(sql => Task.Run(async () =>
        {
            await using var command = dataSource.CreateCommand(sql);
            if (ids is not null) command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var batch = new List<Row>(BatchSize);
            while (await reader.ReadAsync(cancellationToken))
            {
                batch.Add(new Row(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)));
                if (batch.Count < BatchSize) continue;
                await rows.Writer.WriteAsync(batch.ToArray(), cancellationToken);
                batch.Clear();
            }
            if (batch.Count > 0) await rows.Writer.WriteAsync(batch.ToArray(), cancellationToken);
        }, cancellationToken)).ToArray();
        var produced = Task.WhenAll(producers).ContinueWith(t => rows.Writer.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => Task.Run(async () =>
        {
            await foreach (var batch in rows.Reader.ReadAllAsync(cancellationToken))
                await events.Writer.WriteAsync(batch.Select(r => (r.LogId, Deserialize(r))).ToArray(), cancellationToken);
        }, cancellationToken)).ToArray();
        _ = Task.WhenAll(workers).ContinueWith(t => events.Writer.Complete(t.Exception?.GetBaseException()), TaskScheduler.Default);

        await foreach (var batch in events.Reader.ReadAllAsync(cancellationToken))
            foreach (var item in batch) yield return item;
        await produced;
    }

    static object Deserialize(Row row) =>
        TypesByName.TryGetValue(row.Type, out var type)
            ? JsonSerializer.Deserialize(row.Data, type, Json) ?? throw new InvalidDataException($"A logged {row.Type} is empty.")
            : throw new InvalidDataException($"The event log holds '{row.Type}', which ReaderFeed does not know.");

    static PublicArticle ArticleOf(object message) => message switch
    {
        ArticlePublishedV1 p => p.Article,
        ArticleRevisedV1 r => r.Article,
        ArticleCorrectedV1 c => c.Article,
        ArticleSlugChangedV1 s => s.Article,
        _ => throw new InvalidDataException($"{message.GetType().Name} carries no article."),
    };
}
