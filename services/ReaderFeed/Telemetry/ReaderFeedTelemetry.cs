using System.Diagnostics.Metrics;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ReaderFeed.Telemetry;

/// <summary>ReaderFeed's own metrics, on the platform's meter (see docs/operations.md).</summary>
public static class ReaderFeedTelemetry
{
    public static readonly Counter<long> PageCacheHits = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.readerfeed.page_cache.hits", description: "Pages and feeds served from ReaderFeed's in-memory page cache");

    public static readonly Counter<long> PageCacheMisses = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.readerfeed.page_cache.misses", description: "Pages and feeds rendered because no current copy was in memory");

    public static readonly Counter<long> PageCacheEvictions = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.readerfeed.page_cache.evictions", description: "Rendered pages dropped, least recently used first, to keep the page cache within its size");

    /// <summary>The hit ratio, size and budget of the process's page cache, read when metrics are collected.</summary>
    public static void ObservePageCache(PageCache cache)
    {
        NewsPlatformTelemetry.Meter.CreateObservableGauge("newsplatform.readerfeed.page_cache.hit_ratio", () => cache.HitRatio,
            description: "Share of page and feed lookups since start served from ReaderFeed's in-memory page cache");
        NewsPlatformTelemetry.Meter.CreateObservableGauge("newsplatform.readerfeed.page_cache.size", () => cache.Bytes, unit: "By",
            description: "Bytes of rendered responses held by ReaderFeed's page cache");
        NewsPlatformTelemetry.Meter.CreateObservableGauge("newsplatform.readerfeed.page_cache.limit", () => cache.MaxBytes, unit: "By",
            description: "The page cache's size limit (PageCache:MaxMegabytes)");
    }

    public static readonly Histogram<double> RebuildDuration = NewsPlatformTelemetry.Meter.CreateHistogram<double>(
        "newsplatform.readerfeed.rebuild.duration", unit: "s", description: "Time to rebuild every read model from the event log");

    public static readonly Counter<long> RebuildEvents = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.readerfeed.rebuild.events", description: "Logged events replayed by read-model rebuilds");
}
