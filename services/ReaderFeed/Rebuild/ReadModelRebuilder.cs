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

public sealed record RebuildResult(long Events, int Articles, int Media, int TrendingLists, int SearchRowsRebuilt, TimeSpan Read, TimeSpan Write)
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
        var searchRows = search.RebuildAsync(dataSource, set.Articles.Values, cancellationToken);
        await Task.WhenAll(
            BulkWriteAsync(set.Articles.Values, cancellationToken),
            BulkWriteAsync(set.Media.Values, cancellationToken),
            BulkWriteAsync(set.Trending.Values, cancellationToken),
            searchRows);

        await using var session = store.LightweightSession();
        await RemoveStaleAsync<ArticleView, Guid>(session, set.Articles.Keys, x => x.Id, cancellationToken);
        await RemoveStaleAsync<MediaView, Guid>(session, set.Media.Keys, x => x.Id, cancellationToken);
        await RemoveStaleAsync<TrendingView, string>(session, set.Trending.Keys, x => x.Id, cancellationToken);
        ReadModelChanges.Stage(session);
        await session.SaveChangesAsync(cancellationToken);

        return new RebuildResult(set.Events, set.Articles.Count, set.Media.Count, set.Trending.Count, await searchRows, read, clock.Elapsed - read);
    }

    /// <summary>
    /// Into an empty table (a cold rebuild) documents are copied straight in; otherwise they go through a staging
    /// table and replace what is there. Consumers are held at the gate, so the table cannot fill meanwhile.
    /// </summary>
    async Task BulkWriteAsync<T>(IEnumerable<T> documents, CancellationToken cancellationToken) where T : notnull
    {
        var list = documents.ToList();
        if (list.Count == 0) return;
        bool empty;
        await using (var query = store.QuerySession())
            empty = !await query.Query<T>().AnyAsync(cancellationToken);
        await store.BulkInsertAsync(list, empty ? BulkInsertMode.InsertsOnly : BulkInsertMode.OverwriteExisting, 1000, cancellationToken);
    }

    static async Task RemoveStaleAsync<TDoc, TId>(IDocumentSession session, IEnumerable<TId> keep,
        System.Linq.Expressions.Expression<Func<TDoc, TId>> id, CancellationToken cancellationToken) where TDoc : notnull where TId : notnull
    {
        var wanted = keep.ToHashSet();
        var existing = await session.Query<TDoc>().Select(id).ToListAsync(cancellationToken);
        foreach (var stale in existing.Where(x => !wanted.Contains(x)))
        {
            if (stale is Guid g) session.Delete<TDoc>(g);
            else session.Delete<TDoc>(stale.ToString()!);
        }
    }
}
