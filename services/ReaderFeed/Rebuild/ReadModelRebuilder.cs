using System.Diagnostics;
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

/// <param name="Documents">Of <paramref name="Write"/>: writing the documents; <paramref name="Search"/> runs beside it.</param>
public sealed record RebuildResult(long Events, int Articles, int Media, int TrendingLists, int SearchRowsRebuilt, TimeSpan Read, TimeSpan Write,
    TimeSpan Documents, TimeSpan Search)
{
    public double EventsPerSecond => Events / Math.Max((Read + Write).TotalSeconds, 1e-6);
}

/// <summary>
/// Re-creates every read model by replaying the event log through the same folds the consumers use.
/// Consumers wait at the <see cref="ReadModelGate"/> meanwhile, so nothing lands between reading the log
/// and writing the result: the documents are written in bulk (replacing what is there), the search index is
/// brought in line, then documents no event produced are deleted in a transaction that also tells every
/// instance to drop its rendered pages.
/// </summary>
public sealed class ReadModelRebuilder(IDocumentStore store, SearchIndex search, NpgsqlDataSource dataSource, string connectionString)
{
    public async Task<RebuildResult> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var gate = await ReadModelGate.CloseAsync(connectionString, cancellationToken);

        var clock = Stopwatch.StartNew();
        var set = await EventLogReader.FoldAsync(dataSource, store.Options.DatabaseSchemaName, cancellationToken);
        var read = clock.Elapsed;

        // Documents and search rows are independent writes: they run side by side.
        var searchRows = Timed(search.RebuildAsync(dataSource, set.Articles.Values, cancellationToken));
        var documents = Timed(Task.WhenAll(
            BulkWriteAsync(set.Articles.Values, cancellationToken),
            BulkWriteAsync(set.Media.Values, cancellationToken),
            BulkWriteAsync(set.Trending.Values, cancellationToken)));
        await Task.WhenAll(searchRows, documents);

        // Documents no event produced go, in one statement per table and one transaction with the notification.
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"delete from {TableOf<ArticleView>()} where id <> all(?)", [set.Articles.Keys.ToArray()]);
        session.QueueSqlCommand($"delete from {TableOf<MediaView>()} where id <> all(?)", [set.Media.Keys.ToArray()]);
        session.QueueSqlCommand($"delete from {TableOf<TrendingView>()} where id <> all(?)", [set.Trending.Keys.ToArray()]);
        ReadModelChanges.Stage(session);
        await session.SaveChangesAsync(cancellationToken);

        var (rows, searchTime) = await searchRows;
        return new RebuildResult(set.Events, set.Articles.Count, set.Media.Count, set.Trending.Count, rows, read, clock.Elapsed - read,
            await documents, searchTime);
    }

    static async Task<TimeSpan> Timed(Task task)
    {
        var clock = Stopwatch.StartNew();
        await task;
        return clock.Elapsed;
    }

    static async Task<(T Result, TimeSpan Elapsed)> Timed<T>(Task<T> task)
    {
        var clock = Stopwatch.StartNew();
        var result = await task;
        return (result, clock.Elapsed);
    }

    /// <summary>
    /// Into an empty table (a cold rebuild) documents are copied straight in; otherwise they go through a staging
    /// table and replace what is there. Consumers are held at the gate, so the table cannot fill meanwhile.
    /// </summary>
    async Task BulkWriteAsync<T>(IEnumerable<T> documents, CancellationToken cancellationToken) where T : notnull
    {
        var list = documents.ToList();
        if (list.Count == 0) return;
        await using var any = dataSource.CreateCommand($"select exists (select 1 from {TableOf<T>()})");
        var empty = !(bool)(await any.ExecuteScalarAsync(cancellationToken))!;
        await store.BulkInsertAsync(list, empty ? BulkInsertMode.InsertsOnly : BulkInsertMode.OverwriteExisting, 1000, cancellationToken);
    }

    /// <summary>Plain SQL rather than LINQ here: a LINQ query is compiled on first use, which a rebuild would pay every process start.</summary>
    string TableOf<T>() => store.Options.Schema.For<T>();
}
