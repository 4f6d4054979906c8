using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NewsPlatform.ServiceDefaults.Health;
using NewsPlatform.ServiceDefaults.Security;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every NewsPlatform web host has: telemetry, problem details (also for malformed JSON,
    /// naming the field), strict JSON (unknown fields are refused), bearer-token authentication,
    /// health checks, an OpenAPI document named after the service, the real client behind trusted proxies
    /// (<see cref="ForwardedClients"/>), and the one clock every service reads (<see cref="TimeProvider"/>; tests
    /// hand in their own).
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        builder.AddTelemetry(serviceName);
        builder.AddNewsroomAuthentication();
        builder.AddForwardedClients();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        builder.Services.AddHealthChecks();
        builder.AddValidatedOptions<HealthOptions>(HealthOptions.Section);
        builder.Services.AddOpenApi(serviceName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// The real client address first (<see cref="ForwardedClients"/>), then error handling, refusal of control characters in the path and query (<see cref="RequestTextGuard"/>),
    /// authentication, <c>/health/*</c> and <c>/openapi/{service}.json</c>.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedClients();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RequestTextGuard.InvokeAsync);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        return app;
    }
}
