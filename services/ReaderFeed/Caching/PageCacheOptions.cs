using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>Settings under <c>PageCache</c>: how much memory rendered pages may take (<c>PageCache__MaxMegabytes</c>).</summary>
public sealed class PageCacheOptions : IValidatedOptions
{
    public const string Section = "PageCache";

    /// <summary>Bytes of rendered responses kept per instance; the least recently used go first when it is full.</summary>
    public int MaxMegabytes { get; set; } = 256;

    public long MaxBytes => MaxMegabytes * 1024L * 1024L;

    public IEnumerable<SettingProblem> Validate()
    {
        if (MaxMegabytes <= 0) yield return new(nameof(MaxMegabytes), $"must be a positive number of megabytes; it is {MaxMegabytes}");
    }
}
