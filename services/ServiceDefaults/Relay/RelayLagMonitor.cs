using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// Publishes the relay's lag (events committed but not yet relayed) as the gauge
/// <c>newsplatform.relay.lag</c>, measured every few seconds so scraping stays cheap.
/// </summary>
public sealed class RelayLagMonitor(IDocumentStore store, ILogger<RelayLagMonitor> logger) : BackgroundService
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    long _lag;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        NewsPlatformTelemetry.Meter.CreateObservableGauge("newsplatform.relay.lag", () => Interlocked.Read(ref _lag),
            description: "Events committed to this service's store but not yet published by the relay");
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                Interlocked.Exchange(ref _lag, await RelayLagHealthCheck.MeasureAsync(store, stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not measure the relay's lag");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
