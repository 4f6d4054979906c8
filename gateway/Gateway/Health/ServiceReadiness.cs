using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPlatform.ServiceDefaults.Health;

namespace NewsPlatform.Gateway.Health;

public static class ServiceReadiness
{
    /// <summary>
    /// <c>/health/ready</c> of the gateway aggregates one check per configured service, each probing its
    /// instances with a short timeout (<c>Gateway:Readiness:Timeout</c>), so a failure names the service.
    /// </summary>
    public static WebApplicationBuilder AddServiceReadiness(this WebApplicationBuilder builder)
    {
        var timeout = builder.Configuration.GetValue<TimeSpan?>("Gateway:Readiness:Timeout") ?? TimeSpan.FromSeconds(2);
        builder.Services.AddHttpClient(ServiceReadinessCheck.HttpClientName, c => c.Timeout = timeout);

        var checks = builder.Services.AddHealthChecks();
        foreach (var cluster in builder.Configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            var clusterId = cluster.Key;
            checks.Add(new HealthCheckRegistration(
                clusterId,
                sp => ActivatorUtilities.CreateInstance<ServiceReadinessCheck>(sp, clusterId),
                HealthStatus.Unhealthy,
                [HealthEndpoints.Ready],
                timeout + TimeSpan.FromSeconds(1)));
        }
        return builder;
    }
}
