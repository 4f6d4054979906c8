using System.Diagnostics.Metrics;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.Gateway.Caching;

/// <summary>How often the gateway answers reader requests from its output cache instead of a service.</summary>
public static class CacheMetrics
{
    public static readonly Counter<long> Hits = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.gateway.output_cache.hits", description: "Reader responses served from the gateway's output cache");

    public static readonly Counter<long> Stores = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.gateway.output_cache.stores", description: "Reader responses stored in the gateway's output cache");

    public static readonly Counter<long> StaleServed = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.gateway.output_cache.stale_served", description: "Reader responses served from a stale cached copy because the service failed (stale-if-error)");

    public static readonly Counter<long> Purges = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.gateway.cache.purges", description: "Evictions of every cached reader response because ReaderFeed changed a page");
}
