using System.Diagnostics;
using System.Threading.Channels;
using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.EventLog;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ReaderFeed.Trending;
using Npgsql;
using Weasel.Core;

namespace NewsPlatform.ReaderFeed.Rebuild;

/// <param name="Elapsed">The whole rebuild, gate to gate.</param>
/// <param name="Read">Reading and folding the log, summed over chunks; it runs beside the writes.</param>
/// <param name="Write">Writing the chunks, summed; <paramref name="Documents"/> and <paramref name="Search"/> run side by side within it.</param>
public sealed record RebuildResult(long Events, int Articles, int Media, int TrendingLists, int SearchRowsRebuilt, TimeSpan Elapsed, TimeSpan Read,
    TimeSpan Write, TimeSpan Documents, TimeSpan Search)
{
    public double EventsPerSecond => Events / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>
/// Re-creates every read model by replaying the event log through the same folds the consumers use.
/// Consumers wait at the <see cref="ReadModelGate"/> meanwhile, so nothing lands between reading the log
/// and writing the result. The log is read in chunks of whole streams (<see cref="EventLogReader"/>), so
/// memory holds a few chunks however large the archive: while one chunk is read and folded, earlier ones are
/// written — documents in bulk (replacing what is there) and, beside them, the chunk's search rows — and
/// read models in the chunk's id range that no stream produced are deleted. The last transaction deletes what
/// lies past the last stream and tells every instance to drop its rendered pages.
/// </summary>
public sealed class ReadModelRebuilder(IDocumentStore store, SearchIndex search, NpgsqlDataSource dataSource, string connectionString)
{
    /// <summary>Streams per chunk: a chunk of articles with a few revisions each is a few MB of events.</summary>
    internal int StreamsPerChunk { get; init; } = 1000;

    /// <summary>Chunks written at the same time (each on its own connections) while the next is read.</summary>
    internal int Writers { get; init; } = 2;

    sealed class Totals
    {
        public long Events, ReadTicks, WriteTicks, DocumentTicks, SearchTicks;
        public int Articles, Media, SearchRows;
    }

    public async Task<RebuildResult> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var gate = await ReadModelGate.CloseAsync(connectionString, cancellationToken);
        var clock = Stopwatch.StartNew();
        var totals = new Totals();
        var modes = new Dictionary<Type, BulkInsertMode>
        {
            [typeof(ArticleView)] = await ModeAsync<ArticleView>(cancellationToken),
            [typeof(MediaView)] = await ModeAsync<MediaView>(cancellationToken),
        };

        var trending = new Dictionary<string, TrendingView>(StringComparer.Ordinal);
        var chunks = Channel.CreateBounded<EventLogReader.Chunk>(new BoundedChannelOptions(1) { SingleWriter = true });
        Guid? last = null;
        var reading = Task.Run(async () =>
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await foreach (var chunk in EventLogReader.ChunksAsync(dataSource, Schema, StreamsPerChunk, trending, cancellationToken))
                {
                    Interlocked.Add(ref totals.ReadTicks, Stopwatch.GetElapsedTime(started).Ticks);
                    last = chunk.Last;
                    await chunks.Writer.WriteAsync(chunk, cancellationToken);
                    started = Stopwatch.GetTimestamp();
                }
                chunks.Writer.Complete();
            }
            catch (Exception ex)
            {
                chunks.Writer.Complete(ex);
                throw;
            }
        }, cancellationToken);
        var writing = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(cancellationToken))
                await WriteAsync(chunk, modes, totals, cancellationToken);
        }, cancellationToken)).ToList();
        await Task.WhenAll([reading, .. writing]);

        // What lies past the last stream (everything, for an empty log) and trending lists no event produced go,
        // in one transaction with the notification.
        await using var session = store.LightweightSession();
        if (last is { } end)
        {
            session.QueueSqlCommand($"delete from {TableOf<ArticleView>()} where id > ?", end);
            session.QueueSqlCommand($"delete from {TableOf<MediaView>()} where id > ?", end);
        }
        else
        {
            session.QueueSqlCommand($"delete from {TableOf<ArticleView>()}");
            session.QueueSqlCommand($"delete from {TableOf<MediaView>()}");
        }
        foreach (var id in await StaleSearchRowsAsync(last, null, [], cancellationToken)) search.Stage(session, new ArticleView { Id = id });
        if (trending.Count > 0) session.Store(trending.Values.ToArray());
        session.QueueSqlCommand($"delete from {TableOf<TrendingView>()} where id <> all(?)", [trending.Keys.ToArray()]);
        ReadModelChanges.Stage(session);
        await session.SaveChangesAsync(cancellationToken);

        return new RebuildResult(totals.Events, totals.Articles, totals.Media, trending.Count, totals.SearchRows, clock.Elapsed,
            TimeSpan.FromTicks(totals.ReadTicks), TimeSpan.FromTicks(totals.WriteTicks), TimeSpan.FromTicks(totals.DocumentTicks),
            TimeSpan.FromTicks(totals.SearchTicks));
    }

    /// <summary>One chunk: its documents in bulk and, beside them, its search rows; then the stale documents of its id range.</summary>
    async Task WriteAsync(EventLogReader.Chunk chunk, Dictionary<Type, BulkInsertMode> modes, Totals totals, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var set = chunk.Set;
        var documents = Timed(async () =>
        {
            if (set.Articles.Count > 0)
                await store.BulkInsertAsync(set.Articles.Values.ToList(), modes[typeof(ArticleView)], 1000, cancellationToken);
            if (set.Media.Count > 0)
                await store.BulkInsertAsync(set.Media.Values.ToList(), modes[typeof(MediaView)], 1000, cancellationToken);
        });
        var searchRows = Timed(async () =>
        {
            await using var session = store.LightweightSession();
            foreach (var article in set.Articles.Values) search.Stage(session, article);
            foreach (var id in await StaleSearchRowsAsync(chunk.After, chunk.Last, set.Articles.Keys.ToArray(), cancellationToken))
                search.Stage(session, new ArticleView { Id = id });
            await session.SaveChangesAsync(cancellationToken);
        });
        Interlocked.Add(ref totals.DocumentTicks, (await documents).Ticks);
        Interlocked.Add(ref totals.SearchTicks, (await searchRows).Ticks);

        // Documents of this range that no stream produced.
        await using (var session = store.LightweightSession())
        {
            var (range, bounds) = Range(chunk.After, chunk.Last);
            session.QueueSqlCommand($"delete from {TableOf<ArticleView>()} where {range} and id <> all(?)", [.. bounds, set.Articles.Keys.ToArray()]);
            session.QueueSqlCommand($"delete from {TableOf<MediaView>()} where {range} and id <> all(?)", [.. bounds, set.Media.Keys.ToArray()]);
            await session.SaveChangesAsync(cancellationToken);
        }

        Interlocked.Add(ref totals.Events, set.Events);
        Interlocked.Add(ref totals.Articles, set.Articles.Count);
        Interlocked.Add(ref totals.Media, set.Media.Count);
        Interlocked.Add(ref totals.SearchRows, set.Articles.Values.Count(a => a.IsLive));
        Interlocked.Add(ref totals.WriteTicks, Stopwatch.GetElapsedTime(started).Ticks);
    }

    /// <summary>Search rows in the id range (<paramref name="after"/>, <paramref name="last"/>] whose article is not among <paramref name="articles"/>.</summary>
    async Task<List<Guid>> StaleSearchRowsAsync(Guid? after, Guid? last, Guid[] articles, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand();
        var where = new List<string> { "id <> all(@articles)" };
        command.Parameters.AddWithValue("articles", articles);
        if (after is { } a)
        {
            where.Add("id > @after");
            command.Parameters.AddWithValue("after", a);
        }
        if (last is { } l)
        {
            where.Add("id <= @last");
            command.Parameters.AddWithValue("last", l);
        }
        command.CommandText = $"select id from {search.Table} where {string.Join(" and ", where)}";
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetGuid(0));
        return ids;
    }

    /// <summary>A condition on <c>id</c> for the range (after, last], with Marten's <c>?</c> placeholders for its bounds.</summary>
    static (string Condition, object[] Bounds) Range(Guid? after, Guid last) => after is { } a
        ? ("id > ? and id <= ?", [a, last])
        : ("id <= ?", [last]);

    static async Task<TimeSpan> Timed(Func<Task> work)
    {
        var started = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(started);
    }

    /// <summary>
    /// Into an empty table (a cold rebuild) documents are copied straight in; otherwise they replace what is there.
    /// Consumers are held at the gate, and chunks cover disjoint ids, so no two writes meet.
    /// </summary>
    async Task<BulkInsertMode> ModeAsync<T>(CancellationToken cancellationToken)
    {
        await using var any = dataSource.CreateCommand($"select exists (select 1 from {TableOf<T>()})");
        var empty = !(bool)(await any.ExecuteScalarAsync(cancellationToken))!;
        return empty ? BulkInsertMode.InsertsOnly : BulkInsertMode.OverwriteExisting;
    }

    string Schema => store.Options.DatabaseSchemaName;

    /// <summary>Plain SQL rather than LINQ here: a LINQ query is compiled on first use, which a rebuild would pay every process start.</summary>
    string TableOf<T>() => store.Options.Schema.For<T>();
}
