using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace NewsPlatform.ServiceDefaults.Hosting;

/// <summary>
/// The real client behind proxies, decided once for every NewsPlatform host: <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> are believed only from the proxies in <c>ForwardedHeaders:TrustedNetworks</c> (CIDR
/// networks such as <c>10.244.0.0/16</c> or single addresses, as a list or comma-separated), and only for as many
/// hops as <c>ForwardedHeaders:ForwardLimit</c> (1: one proxy in front of this host). With nothing trusted (the
/// default) the headers are ignored from everyone, so a client cannot pose as another address to dodge a rate limit
/// or a sign-in throttle. The gateway is told the network of the proxy in front of it (an ingress, a load balancer);
/// a service is told the gateway's network.
/// </summary>
public static class ForwardedClients
{
    public const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddForwardedClients(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var trusted = TrustedNetworks(section);
        var limit = section.GetValue<int?>("ForwardLimit") ?? 1;
        if (limit < 1)
            throw new InvalidOperationException($"NewsPlatform cannot start: {Section}:ForwardLimit is {limit}; it counts the proxies in front of this host, at least 1.");

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // ASP.NET Core believes every sender when both lists are empty: with nothing trusted, read no header at all.
            o.ForwardedHeaders = trusted.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = limit;
            foreach (var network in trusted) o.KnownIPNetworks.Add(network);
        });
        return builder;
    }

    /// <summary>Replaces the connection's address and scheme with the forwarded ones when a trusted proxy sent them.</summary>
    public static WebApplication UseForwardedClients(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>The trusted proxies as networks (an address is a network of one); a malformed entry stops start-up, named.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> TrustedNetworks(IConfigurationSection section)
    {
        var entries = section.GetSection("TrustedNetworks");
        var values = (entries.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Concat(entries.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0));
        var networks = new List<System.Net.IPNetwork>();
        foreach (var value in values)
        {
            if (value.Contains('/') && System.Net.IPNetwork.TryParse(value, out var network)) networks.Add(network);
            else if (!value.Contains('/') && IPAddress.TryParse(value, out var address))
                networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            else throw new InvalidOperationException(
                $"NewsPlatform cannot start: {Section}:TrustedNetworks entry '{value}' is neither an address (10.0.0.7) nor a CIDR network (10.0.0.0/8).");
        }
        return networks;
    }
}
