using NewsPlatform.Trending.Ingest;

namespace NewsPlatform.Trending.Scoring;

/// <summary>One article's share of a batch: <see cref="Weight"/> views, decayed to <see cref="At"/> (its latest second).</summary>
public sealed record ArticleWeight(Guid ArticleId, double Weight, DateTimeOffset At, long Views);

/// <summary>Views of one article in one UTC minute.</summary>
public sealed record MinuteViews(Guid ArticleId, DateTimeOffset Minute, long Views);

/// <summary>
/// Collapses a batch into one row per article (for the score UPSERT) and one per article-minute (for
/// replay). Rows come sorted by article id so that concurrent scorers lock rows in the same order.
/// </summary>
public static class BatchTotals
{
    public static IReadOnlyList<ArticleWeight> PerArticle(IEnumerable<ArticleViews> views, TimeSpan halfLife) =>
        views.Where(v => v.Count > 0)
            .GroupBy(v => v.ArticleId)
            .Select(g =>
            {
                var score = g.Aggregate(DecayedScore.Zero, (s, v) => ScoreMath.Add(s, v.Count, v.Second, halfLife));
                return new ArticleWeight(g.Key, score.Value, score.At, g.Sum(v => (long)v.Count));
            })
            .OrderBy(a => a.ArticleId)
            .ToList();

    public static IReadOnlyList<MinuteViews> PerMinute(IEnumerable<ArticleViews> views) =>
        views.Where(v => v.Count > 0)
            .GroupBy(v => (v.ArticleId, Minute: TimeBuckets.Minute(v.Second)))
            .Select(g => new MinuteViews(g.Key.ArticleId, g.Key.Minute, g.Sum(v => (long)v.Count)))
            .OrderBy(m => m.ArticleId).ThenBy(m => m.Minute)
            .ToList();
}
