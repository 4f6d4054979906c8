using System.Diagnostics.Metrics;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ReaderFeed.Telemetry;

/// <summary>ReaderFeed's own metrics, on the platform's meter (see docs/operations.md).</summary>
public static class ReaderFeedTelemetry
{
    public static readonly Counter<long> PageCacheHits = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.readerfeed.page_cache.hits", description: "Pages and feeds served from ReaderFeed's in-memory page cache");

    public static readonly Counter<long> PageCacheMisses = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.readerfeed.page_cache.misses", description: "Pages and feeds rendered because no current copy was in memory");

    public static readonly Histogram<double> RebuildDuration = NewsPlatformTelemetry.Meter.CreateHistogram<double>(
        "newsplatform.readerfeed.rebuild.duration", unit: "s", description: "Time to rebuild every read model from the event log");

    public static readonly Counter<long> RebuildEvents = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.readerfeed.rebuild.events", description: "Logged events replayed by read-model rebuilds");
}
