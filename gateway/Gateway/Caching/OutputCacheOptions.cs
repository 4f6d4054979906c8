using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Caching;

/// <summary>Settings under <c>Gateway:OutputCache</c>: how long and how much of the readers' pages the gateway keeps.</summary>
public sealed class OutputCacheOptions : IValidatedOptions
{
    public const string Section = "Gateway:OutputCache";

    /// <summary>How long a page is served from the cache; bounds staleness when a purge is missed.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Memory the cached pages may take.</summary>
    public long SizeLimitMegabytes { get; set; } = 128;

    /// <summary>How long a purged or expired page is kept to be served while its service fails.</summary>
    public TimeSpan StaleIfError { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<SettingProblem> Validate()
    {
        if (Duration <= TimeSpan.Zero) yield return new(nameof(Duration), $"must be positive; it is {Duration}");
        if (SizeLimitMegabytes < 1) yield return new(nameof(SizeLimitMegabytes), $"must be a positive number of megabytes; it is {SizeLimitMegabytes}");
        if (StaleIfError < TimeSpan.Zero) yield return new(nameof(StaleIfError), $"must not be negative; it is {StaleIfError}");
    }
}
