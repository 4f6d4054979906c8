namespace NewsPlatform.Trending.Tests.Support;

/// <summary>A clock the test moves by hand, so that hours of reading can be replayed in seconds.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    long _utcTicks = start.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _utcTicks, value.UtcTicks);
    }

    public void Advance(TimeSpan by) => Now += by;

    public override DateTimeOffset GetUtcNow() => Now;
}
