namespace NewsPlatform.Trending;

/// <summary>
/// The one clock Trending reads: when a view happened, how far scores have decayed, what "now" is for
/// replay. Tests hand in their own <see cref="TimeProvider"/> to replay a known hour; nothing else does.
/// </summary>
public sealed class TrendingClock(TimeProvider time)
{
    public static TrendingClock System { get; } = new(TimeProvider.System);

    public DateTimeOffset UtcNow => time.GetUtcNow();
}
