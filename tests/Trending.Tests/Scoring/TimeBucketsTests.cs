using NewsPlatform.Trending.Scoring;

namespace NewsPlatform.Trending.Tests.Scoring;

public class TimeBucketsTests
{
    [Fact]
    public void Seconds_and_minutes_are_whole_and_in_utc()
    {
        var t = DateTimeOffset.Parse("2025-01-14T13:36:42.987+01:00");

        Assert.Equal(DateTimeOffset.Parse("2025-01-14T12:36:42Z"), TimeBuckets.Second(t));
        Assert.Equal(DateTimeOffset.Parse("2025-01-14T12:36:00Z"), TimeBuckets.Minute(t));
        Assert.Equal(TimeSpan.Zero, TimeBuckets.Minute(t).Offset);
    }
}
