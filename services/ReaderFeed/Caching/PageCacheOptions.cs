namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>Settings under <c>PageCache</c>: how much memory rendered pages may take (<c>PageCache__MaxMegabytes</c>).</summary>
public sealed class PageCacheOptions
{
    public const string Section = "PageCache";

    /// <summary>Bytes of rendered responses kept per instance; the least recently used go first when it is full.</summary>
    public int MaxMegabytes { get; set; } = 256;

    public long MaxBytes => MaxMegabytes > 0
        ? MaxMegabytes * 1024L * 1024L
        : throw new InvalidOperationException($"NewsPlatform cannot start: 'PageCache:MaxMegabytes' must be a positive number of megabytes; it is {MaxMegabytes}.");
}
