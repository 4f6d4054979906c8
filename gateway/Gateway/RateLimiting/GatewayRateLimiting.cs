using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.RateLimiting;

public static class GatewayRateLimiting
{
    /// <summary>Policy names routes refer to with <c>RateLimiterPolicy</c> in the YARP configuration.</summary>
    public static readonly IReadOnlyList<string> Policies = ["views", "token", "uploads"];

    /// <summary>
    /// A fixed window per policy and per client address (after X-Forwarded-For from a known proxy), so one
    /// noisy or hostile client is refused while everyone else goes on. Limits come from configuration.
    /// </summary>
    public static WebApplicationBuilder AddGatewayRateLimiting(this WebApplicationBuilder builder)
    {
        var limits = Policies.ToDictionary(p => p, p => builder.AddValidatedOptions<RateLimitOptions>($"Gateway:RateLimits:{p}", name: p));

        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => Reject(context, limits);
            foreach (var (name, limit) in limits)
                o.AddPolicy(name, http => RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    static async ValueTask Reject(OnRejectedContext rejected, IReadOnlyDictionary<string, RateLimitOptions> limits)
    {
        var http = rejected.HttpContext;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : (int)Math.Ceiling(policy is not null && limits.TryGetValue(policy, out var l) ? l.Window.TotalSeconds : 60);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);

        var limit = policy is not null && limits.TryGetValue(policy, out var options) ? $" ({options} from one address)" : "";
        await TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"This client sent too many requests to {http.Request.Method} {http.Request.Path}{limit}. Retry after {retryAfter} s.")
            .ExecuteAsync(http);
    }
}
