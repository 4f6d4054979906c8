using NewsPlatform.Gateway.Extensions;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Security;

public static class EdgeHardening
{
    /// <summary>
    /// No server banner, a small default request-body limit (routes that take uploads raise it in their
    /// YARP config) and the security headers' settings. Which proxies' X-Forwarded-For is believed is
    /// decided in ServiceDefaults (<c>ForwardedHeaders:TrustedNetworks</c>), as for every service.
    /// </summary>
    public static WebApplicationBuilder AddEdgeHardening(this WebApplicationBuilder builder)
    {
        var gateway = builder.AddValidatedOptions<GatewayOptions>(GatewayOptions.Section);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = gateway.MaxRequestBodySize;
        });

        builder.AddValidatedOptions<SecurityHeadersOptions>(SecurityHeadersOptions.Section);
        return builder;
    }
}
