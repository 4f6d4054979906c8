using NewsPlatform.Trending.Scoring;

namespace NewsPlatform.Trending.Replay;

/// <summary>An article's score at a past instant, recomputed from its per-minute view counts.</summary>
public sealed record ReplayScore(Guid ArticleId, double Score, DateTimeOffset LastMinute);

/// <summary>
/// Trending at any past instant, with any half-life, from per-minute counts alone. Pure.
/// <para>Exactness: the live score knows each view to the second, replay only to the minute. Replay
/// places a minute's views at the middle of the part of that minute up to <c>at</c>, so no view moves
/// more than 30 s and every score is within a factor 2^(±30 s/H) of the live one
/// (<see cref="Tolerance"/>: ±0.58 % at H = 1 h). Two things stay outside that bound: views later in the
/// same minute as <c>at</c> (a minute cannot be split), and views accepted before <c>at</c> that the live
/// answer had not scored yet (about a flush interval of lag).</para>
/// </summary>
public static class ReplayScorer
{
    static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Views older than this many half-lives weigh under 2^−20 (one in a million) and are not read.</summary>
    public const int HorizonHalfLives = 20;

    public static IReadOnlyList<ReplayScore> ScoresAt(IEnumerable<MinuteViews> minutes, DateTimeOffset at, TimeSpan halfLife) =>
        minutes.Where(m => m.Minute <= at && m.Views > 0)
            .GroupBy(m => m.ArticleId)
            .Select(g =>
            {
                var score = g.Aggregate(DecayedScore.Zero, (s, m) => ScoreMath.Add(s, m.Views, PlaceInMinute(m.Minute, at), halfLife));
                return new ReplayScore(g.Key, ScoreMath.ValueAt(score, at, halfLife), g.Max(m => m.Minute));
            })
            .Where(s => s.Score > 0)
            .ToList();

    /// <summary>Where in its minute a bucket's views are taken to have happened: the middle of the minute up to <paramref name="at"/>.</summary>
    public static DateTimeOffset PlaceInMinute(DateTimeOffset minute, DateTimeOffset at)
    {
        var end = minute + Minute < at ? minute + Minute : at;
        return minute + (end - minute) / 2;
    }

    /// <summary>Largest relative difference from the live score that minute bucketing can cause.</summary>
    public static double Tolerance(TimeSpan halfLife) => Math.Pow(2, Minute / 2 / halfLife) - 1;

    /// <summary>How far back replay reads minute counts for this half-life.</summary>
    public static TimeSpan Horizon(TimeSpan halfLife) => halfLife * HorizonHalfLives;
}
