using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using NewsPlatform.ServiceDefaults.Hosting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace NewsPlatform.Gateway.Routing;

/// <summary>Settings under <c>Gateway:Discovery</c>: how often the gateway looks up each service's instances.</summary>
public sealed class DiscoveryOptions : IValidatedOptions
{
    public const string Section = "Gateway:Discovery";

    /// <summary>How often each destination's host name is looked up again; a new instance gets traffic within this.</summary>
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<SettingProblem> Validate()
    {
        if (RefreshPeriod < TimeSpan.FromSeconds(1)) yield return new(nameof(RefreshPeriod), $"must be at least 00:00:01; it is {RefreshPeriod}");
    }
}

/// <summary>
/// Every instance of a service behind one name: a destination whose address is a host name (Kubernetes' headless
/// Service <c>readerfeed-pods</c>, Docker's service name) becomes one destination per address the name resolves to,
/// looked up again every <see cref="DiscoveryOptions.RefreshPeriod"/>. The gateway then balances each request over
/// the instances and retries a failed GET on another, where a ClusterIP address would pin each keep-alive connection
/// to one pod. The instances keep the configured Host header. An address given as an IP stays as it is; a name that
/// does not resolve (no pod ready yet) stays as configured, so the gateway starts and answers 503 for that service
/// until the next lookup finds instances.
/// </summary>
public sealed class InstanceDiscovery(IOptions<DiscoveryOptions> options, ILogger<InstanceDiscovery> logger) : IDestinationResolver
{
    /// <summary>Looks a host name up; the process uses DNS, tests pass their own.</summary>
    public delegate Task<IPAddress[]> Lookup(string host, CancellationToken cancellationToken);

    internal Lookup Resolve { get; init; } = (host, ct) => Dns.GetHostAddressesAsync(host, ct);

    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        foreach (var (id, destination) in destinations)
            foreach (var (name, config) in await ExpandAsync(id, destination, cancellationToken))
                resolved[name] = config;
        var refresh = new CancellationTokenSource(options.Value.RefreshPeriod);
        return new ResolvedDestinationCollection(resolved, new CancellationChangeToken(refresh.Token));
    }

    async Task<IReadOnlyList<(string Name, DestinationConfig Config)>> ExpandAsync(
        string id, DestinationConfig destination, CancellationToken cancellationToken)
    {
        var address = new Uri(destination.Address);
        if (address.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6) return [(id, destination)];

        IPAddress[] found;
        try
        {
            found = await Resolve(address.DnsSafeHost, cancellationToken);
        }
        catch (SocketException e)
        {
            logger.LogWarning("Destination {Destination}: {Host} does not resolve ({Error}); keeping it as configured until the next lookup",
                id, address.DnsSafeHost, e.Message);
            return [(id, destination)];
        }
        if (found.Length == 0) return [(id, destination)];

        var host = destination.Host is { Length: > 0 } configured ? configured : address.Authority;
        return found.Distinct().Select(ip => (
            $"{id}[{ip}]",
            destination with { Address = WithHost(destination.Address, ip)!, Health = WithHost(destination.Health, ip), Host = host })).ToList();
    }

    static string? WithHost(string? address, IPAddress ip) =>
        address is null ? null : new UriBuilder(address) { Host = ip.ToString() }.Uri.ToString();
}
