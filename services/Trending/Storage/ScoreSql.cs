using System.Globalization;

namespace NewsPlatform.Trending.Storage;

/// <summary>
/// The decay factor 2^(−Δt/H) as SQL, mirroring <see cref="Scoring.ScoreMath.DecayFactor"/>.
/// PostgreSQL raises an error on float underflow, so beyond 1,000 half-lives the factor is 0.
/// The half-life is configuration, formatted as a number literal (never user input).
/// </summary>
public static class ScoreSql
{
    public static string Decay(string elapsedSeconds, TimeSpan halfLife)
    {
        var h = halfLife.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        return $"(case when ({elapsedSeconds}) / {h}::float8 > {Scoring.ScoreMath.NegligibleHalfLives.ToString(CultureInfo.InvariantCulture)} then 0::float8 " +
               $"else power(2::float8, -({elapsedSeconds}) / {h}::float8) end)";
    }

    /// <summary>Seconds from <paramref name="from"/> to <paramref name="to"/> (both timestamptz expressions).</summary>
    public static string Seconds(string from, string to) => $"extract(epoch from ({to}) - ({from}))::float8";
}
