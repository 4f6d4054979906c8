using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.Trending;

/// <summary>
/// The real gateway (gateway/Gateway, Release, its own routes, rate limits and forwarded-header rules) as a process
/// in front of the benchmark's Trending process, its <c>trending</c> cluster pointed there as deploy/local/up.sh does.
/// The other services are not running, so their being down only degrades the gateway's readiness.
/// </summary>
public static class TrendingGateway
{
    public static Task<ServiceProcess> StartAsync(TrendingService trending)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["ReverseProxy:Clusters:trending:Destinations:trending-1:Address"] = trending.Process.BaseAddress.ToString().TrimEnd('/') + "/",
            ["Gateway:Readiness:ServiceDownStatus"] = "Degraded",
            // The load generator on loopback stands for the load balancer in front of the gateway.
            ["ForwardedHeaders:TrustedNetworks"] = "127.0.0.1",
        };
        return ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", settings);
    }
}
