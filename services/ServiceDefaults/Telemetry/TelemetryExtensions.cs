using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsPlatform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The release every service is built from (Version in Directory.Build.props, plus the commit when built from git).</summary>
    public static string ServiceVersion { get; } =
        typeof(TelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Traces, metrics and logs for one service; exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set. The
    /// resource names the service and its version; <c>OTEL_RESOURCE_ATTRIBUTES</c> adds where it runs (deploy/k8s
    /// sets the pod, namespace and node from the downward API).
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: ServiceVersion))
            .WithTracing(t => t
                .AddSource(NewsPlatformTelemetry.SourceName, "MassTransit", "Marten", "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation())
            .WithMetrics(m => m
                .AddMeter(NewsPlatformTelemetry.MeterName, "MassTransit", "Marten", "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.UseOtlpExporter();

        return builder;
    }
}
