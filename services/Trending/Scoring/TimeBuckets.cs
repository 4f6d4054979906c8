namespace NewsPlatform.Trending.Scoring;

/// <summary>Whole seconds (how precisely a view's time is kept) and whole minutes (replay's buckets), in UTC.</summary>
public static class TimeBuckets
{
    public static DateTimeOffset Second(DateTimeOffset t) => Floor(t, TimeSpan.TicksPerSecond);

    public static DateTimeOffset Minute(DateTimeOffset t) => Floor(t, TimeSpan.TicksPerMinute);

    static DateTimeOffset Floor(DateTimeOffset t, long ticks) => new(t.UtcTicks - t.UtcTicks % ticks, TimeSpan.Zero);
}
