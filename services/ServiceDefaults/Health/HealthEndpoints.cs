using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace NewsPlatform.ServiceDefaults.Health;

public static class HealthEndpoints
{
    public const string Live = "live";
    public const string Ready = "ready";

    /// <summary>
    /// <c>/health/live</c>: the process runs. <c>/health/ready</c>: every dependency tagged "ready"
    /// answers; 503 names the failing check. <c>Health:ShowData</c> (default true) adds each check's data —
    /// addresses, queue names, exception messages — which a host reachable from the internet (the gateway)
    /// turns off: its report then says which check failed and why, in its own words only.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var showData = app.ServiceProvider.GetRequiredService<IOptions<HealthOptions>>().Value.ShowData;
        app.MapHealthChecks("/health/live", Options(c => c.Tags.Contains(Live), showData));
        app.MapHealthChecks("/health/ready", Options(c => c.Tags.Contains(Ready), showData));
        return app;
    }

    static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate, bool showData) => new()
    {
        Predicate = predicate,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = (context, report) => WriteReport(context, report, showData),
    };

    static Task WriteReport(HttpContext context, HealthReport report, bool showData)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                detail = e.Value.Description ?? (showData ? e.Value.Exception?.Message : null),
                data = !showData || e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
