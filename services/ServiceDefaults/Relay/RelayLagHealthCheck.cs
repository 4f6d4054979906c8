using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// Reports how many committed events the relay has not yet published. Unhealthy past a threshold,
/// which is what a long broker outage looks like from here.
/// </summary>
public sealed class RelayLagHealthCheck(IDocumentStore store, long unhealthyLag) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await MeasureAsync(store, cancellationToken);
        var data = new Dictionary<string, object> { ["lag"] = lag };
        return lag > unhealthyLag
            ? HealthCheckResult.Unhealthy($"Relay is {lag} events behind (threshold {unhealthyLag})", data: data)
            : HealthCheckResult.Healthy($"Relay is {lag} events behind", data);
    }

    public static async Task<long> MeasureAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var statistics = await store.Advanced.FetchEventStoreStatistics(token: cancellationToken);
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        var relayed = progress.Where(p => p.ShardName.StartsWith(EventRelay.RelayName, StringComparison.Ordinal))
            .Select(p => p.Sequence).DefaultIfEmpty(0).Max();
        return Math.Max(0, statistics.EventSequenceNumber - relayed);
    }
}
