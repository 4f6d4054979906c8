using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Health;

/// <summary>
/// One service (a YARP cluster) is ready when at least one of its instances answers its own
/// <c>/health/ready</c> within the timeout; some instances down is Degraded, all down names the service
/// with the registration's failure status.
/// </summary>
public sealed class ServiceReadinessCheck(string clusterId, IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string HttpClientName = "readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        if (!proxy.TryGetCluster(clusterId, out var cluster) || cluster.Destinations.Count == 0)
            return new HealthCheckResult(context.Registration.FailureStatus, $"The {clusterId} service has no instance configured.");

        var http = clients.CreateClient(HttpClientName);
        var probes = await Task.WhenAll(cluster.Destinations.Values.Select(d => ProbeAsync(http, d, cancellationToken)));
        var ready = probes.Count(p => p.Ready);
        var data = probes.ToDictionary(p => p.Destination, p => (object)p.Outcome);

        if (ready == probes.Length)
            return HealthCheckResult.Healthy($"{ready} of {probes.Length} {clusterId} instances ready.", data);
        var failing = string.Join("; ", probes.Where(p => !p.Ready).Select(p => $"{p.Destination}: {p.Outcome}"));
        return ready > 0
            ? HealthCheckResult.Degraded($"{ready} of {probes.Length} {clusterId} instances ready ({failing}).", data: data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"The {clusterId} service is not ready: {failing}.", data: data);
    }

    static async Task<(string Destination, bool Ready, string Outcome)> ProbeAsync(
        HttpClient http, DestinationState destination, CancellationToken cancellationToken)
    {
        var config = destination.Model.Config;
        var baseAddress = new Uri((config.Health ?? config.Address).TrimEnd('/') + "/");
        try
        {
            using var response = await http.GetAsync(new Uri(baseAddress, "health/ready"), cancellationToken);
            return (destination.DestinationId, response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        }
        // The outcome is public (the gateway's readiness): it names the instance, never its address or the
        // socket error's text; the instance's address is in the gateway's configuration.
        catch (TaskCanceledException)
        {
            return (destination.DestinationId, false, "no answer in time");
        }
        catch (HttpRequestException e)
        {
            return (destination.DestinationId, false, e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection refused or unreachable",
                HttpRequestError.NameResolutionError => "name not resolved",
                _ => "request failed",
            });
        }
    }
}
