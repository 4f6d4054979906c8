namespace NewsPlatform.Trending.Scoring;

/// <summary>A decayed popularity score: <see cref="Value"/> holds at <see cref="At"/>, and halves every half-life after.</summary>
public readonly record struct DecayedScore(double Value, DateTimeOffset At)
{
    public static DecayedScore Zero { get; } = new(0, DateTimeOffset.MinValue);
}

/// <summary>
/// Exponentially decayed popularity: S ← S·2^(−Δt/H) + w. Pure; PostgreSQL runs the same formula
/// in the scoring UPSERT (<see cref="Storage.ScoreSql"/>).
/// </summary>
public static class ScoreMath
{
    /// <summary>Beyond this many half-lives a weight is below 2^−1000 and is taken as zero.</summary>
    public const double NegligibleHalfLives = 1000;

    /// <summary>2^(−elapsed/H): 1 now, ½ after one half-life, ¼ after two.</summary>
    public static double DecayFactor(TimeSpan elapsed, TimeSpan halfLife)
    {
        var halfLives = elapsed / halfLife;
        return halfLives > NegligibleHalfLives ? 0 : Math.Pow(2, -halfLives);
    }

    /// <summary>
    /// Adds <paramref name="weight"/> views seen at <paramref name="at"/>. A view older than the score's
    /// reference time (a late batch from another node) is decayed to that time instead, so the result
    /// is the same whatever order batches arrive in.
    /// </summary>
    public static DecayedScore Add(DecayedScore score, double weight, DateTimeOffset at, TimeSpan halfLife) =>
        at >= score.At
            ? new(score.Value * DecayFactor(at - score.At, halfLife) + weight, at)
            : new(score.Value + weight * DecayFactor(score.At - at, halfLife), score.At);

    /// <summary>The score as it stands at <paramref name="now"/>.</summary>
    public static double ValueAt(DecayedScore score, DateTimeOffset now, TimeSpan halfLife) =>
        score.Value == 0 ? 0 : score.Value * DecayFactor(now - score.At, halfLife);
}
