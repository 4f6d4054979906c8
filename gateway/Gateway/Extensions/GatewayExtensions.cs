using NewsPlatform.Gateway.Caching;
using NewsPlatform.Gateway.Correlation;
using NewsPlatform.Gateway.Health;
using NewsPlatform.Gateway.RateLimiting;
using NewsPlatform.Gateway.Routing;
using NewsPlatform.Gateway.Security;

namespace NewsPlatform.Gateway.Extensions;

/// <summary>
/// The gateway in three steps: what runs before anything else (edge), the per-route policies YARP
/// names in its configuration (rate limits, output cache), and the proxy itself.
/// </summary>
public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddEdgeHardening();
        builder.AddGatewayRateLimiting();
        builder.AddReaderOutputCache();
        builder.AddServiceReadiness();
        builder.AddNewsroomReverseProxy();
        return builder;
    }

    /// <summary>Runs first: a correlation id and security headers for every response.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        app.UseCorrelationId();
        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>After authentication and authorization: the route's rate limit, then its output cache (with stale-if-error and compression).</summary>
    public static WebApplication UseGatewayPolicies(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseReaderOutputCache();
        return app;
    }
}
