using System.Diagnostics;
using JasperFx.Events;
using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.EventLog;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ReaderFeed.Trending;

namespace NewsPlatform.ReaderFeed.Rebuild;

public sealed record RebuildResult(long Events, int Articles, int Media, int TrendingLists, TimeSpan Read, TimeSpan Write)
{
    public double EventsPerSecond => Events / Math.Max((Read + Write).TotalSeconds, 1e-6);
}

/// <summary>
/// Re-creates every read model by replaying the event log through the same folds the consumers use,
/// then replaces the stored read models and the search index in one transaction. Consumers wait at the
/// <see cref="ReadModelGate"/> meanwhile, so the result is exactly what the live path would hold.
/// </summary>
public sealed class ReadModelRebuilder(IDocumentStore store, SearchIndex search, string connectionString)
{
    public async Task<RebuildResult> RebuildAsync(CancellationToken cancellationToken)
    {
        await using var gate = await ReadModelGate.CloseAsync(connectionString, cancellationToken);

        var clock = Stopwatch.StartNew();
        var set = new ReadModelSet();
        await using (var query = store.QuerySession())
        {
            await foreach (var e in query.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToAsyncEnumerable(cancellationToken))
                set.Apply(e.Data);
        }
        var read = clock.Elapsed;

        await using var session = store.LightweightSession();
        await RemoveStaleAsync<ArticleView, Guid>(session, set.Articles.Keys, x => x.Id, cancellationToken);
        await RemoveStaleAsync<MediaView, Guid>(session, set.Media.Keys, x => x.Id, cancellationToken);
        await RemoveStaleAsync<TrendingView, string>(session, set.Trending.Keys, x => x.Id, cancellationToken);
        if (set.Articles.Count > 0) session.Store(set.Articles.Values.ToArray());
        if (set.Media.Count > 0) session.Store(set.Media.Values.ToArray());
        if (set.Trending.Count > 0) session.Store(set.Trending.Values.ToArray());
        search.StageClear(session);
        foreach (var article in set.Articles.Values.Where(a => a.IsLive)) search.Stage(session, article);
        ReadModelChanges.Stage(session);
        await session.SaveChangesAsync(cancellationToken);

        return new RebuildResult(set.Events, set.Articles.Count, set.Media.Count, set.Trending.Count, read, clock.Elapsed - read);
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
