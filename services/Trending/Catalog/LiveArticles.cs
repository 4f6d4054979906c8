using System.Collections.Concurrent;

namespace NewsPlatform.Trending.Catalog;

public enum ArticleState { Unknown, Live, NotLive }

/// <summary>
/// This node's copy of which articles are live, so that ingest answers without touching the database.
/// Kept fresh by <see cref="LiveArticlesRefresher"/> from the catalog table every consumer writes to.
/// </summary>
public sealed class LiveArticles
{
    readonly ConcurrentDictionary<Guid, bool> _live = new();

    public ArticleState StateOf(Guid articleId) =>
        _live.TryGetValue(articleId, out var live) ? live ? ArticleState.Live : ArticleState.NotLive : ArticleState.Unknown;

    public void Set(Guid articleId, bool live) => _live[articleId] = live;

    public int LiveCount => _live.Count(a => a.Value);
}
