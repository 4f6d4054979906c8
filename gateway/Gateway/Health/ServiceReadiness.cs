using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPlatform.ServiceDefaults.Health;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Health;

public static class ServiceReadiness
{
    /// <summary>
    /// <c>/health/ready</c> of the gateway aggregates one check per configured service, each probing its
    /// instances with a short timeout (<c>Gateway:Readiness:Timeout</c>), so a failure names the service.
    /// A service with no ready instance is Unhealthy (503) unless <c>Gateway:Readiness:ServiceDownStatus</c>
    /// says Degraded — for deployments where one service being down must not take the gateway out of rotation.
    /// </summary>
    public static WebApplicationBuilder AddServiceReadiness(this WebApplicationBuilder builder)
    {
        var readiness = builder.AddValidatedOptions<ReadinessOptions>(ReadinessOptions.Section);
        var timeout = readiness.Timeout;
        builder.Services.AddHttpClient(ServiceReadinessCheck.HttpClientName, c => c.Timeout = timeout);

        var checks = builder.Services.AddHealthChecks();
        foreach (var cluster in builder.Configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            var clusterId = cluster.Key;
            checks.Add(new HealthCheckRegistration(
                clusterId,
                sp => ActivatorUtilities.CreateInstance<ServiceReadinessCheck>(sp, clusterId),
                readiness.ServiceDownStatus,
                [HealthEndpoints.Ready],
                timeout + TimeSpan.FromSeconds(1)));
        }
        return builder;
    }
}
