using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NewsPlatform.Gateway.Security;

public static class EdgeHardening
{
    /// <summary>
    /// No server banner, a small default request-body limit (routes that take uploads raise it in their
    /// YARP config), X-Forwarded-* honoured only from known proxies, and the security headers' settings.
    /// </summary>
    public static WebApplicationBuilder AddEdgeHardening(this WebApplicationBuilder builder)
    {
        var gateway = builder.Configuration.GetSection("Gateway");
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = gateway.GetValue<long?>("MaxRequestBodySize") ?? 1024 * 1024;
        });

        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, gateway.GetSection("ForwardedHeaders")));
        builder.Services.Configure<SecurityHeadersOptions>(gateway.GetSection(SecurityHeadersOptions.Section));
        return builder;
    }

    /// <summary>
    /// Only the client address and scheme, and only from the proxies listed (loopback when none is):
    /// an X-Forwarded-For sent by anyone else is ignored, so it cannot dodge a per-client rate limit.
    /// </summary>
    static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return;

        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
