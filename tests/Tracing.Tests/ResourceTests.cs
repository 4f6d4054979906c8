using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.Gateway;
using NewsPlatform.ServiceDefaults.Telemetry;
using NewsPlatform.TestKit;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace NewsPlatform.Tracing.Tests;

/// <summary>What every exported span, metric and log says about where it came from: the service, its release and its pod.</summary>
public sealed class ResourceTests
{
    [Fact]
    public async Task A_service_names_itself_its_release_and_the_pod_it_runs_in()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var settings = infrastructure.Settings();
        // As deploy/k8s sets it from the downward API.
        settings["OTEL_RESOURCE_ATTRIBUTES"] = "k8s.pod.name=gateway-7d9f8-x2k4q,k8s.namespace.name=newsplatform";
        await using var gateway = new ServiceFactory<GatewayEntryPoint>(settings);

        var attributes = gateway.Services.GetRequiredService<TracerProvider>().GetResource().Attributes
            .ToDictionary(a => a.Key, a => a.Value?.ToString());

        Assert.Equal("gateway", attributes["service.name"]);
        Assert.StartsWith("0.1.0", attributes["service.version"]);
        Assert.Equal(TelemetryExtensions.ServiceVersion, attributes["service.version"]);
        Assert.Equal("gateway-7d9f8-x2k4q", attributes["k8s.pod.name"]);
        Assert.Equal("newsplatform", attributes["k8s.namespace.name"]);
    }
}
