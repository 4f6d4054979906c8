namespace NewsPlatform.Trending.Ranking;

/// <summary>An article competing for a place in Trending Now.</summary>
public sealed record RankedArticle(Guid ArticleId, double Score, DateTimeOffset LastViewAt, DateTimeOffset? PublishedAt);

/// <summary>
/// The order of Trending Now: higher score first; on equal scores the more recently viewed article, then
/// the more recently published one (the ranking SQL orders the same way).
/// </summary>
public static class TrendingOrder
{
    public static readonly IComparer<RankedArticle> Comparer = Comparer<RankedArticle>.Create((a, b) =>
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0) return byScore;
        var byView = b.LastViewAt.CompareTo(a.LastViewAt);
        if (byView != 0) return byView;
        var byPublished = Nullable.Compare(b.PublishedAt, a.PublishedAt);
        return byPublished != 0 ? byPublished : a.ArticleId.CompareTo(b.ArticleId);
    });

    public static IReadOnlyList<RankedArticle> Top(IEnumerable<RankedArticle> articles, int limit) =>
        articles.Where(a => a.Score > 0).Order(Comparer).Take(limit).ToList();
}
