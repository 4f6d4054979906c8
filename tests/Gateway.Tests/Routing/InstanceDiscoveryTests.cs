using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NewsPlatform.Gateway.Routing;
using NewsPlatform.Gateway.Tests.Infrastructure;
using Yarp.ReverseProxy.Configuration;

namespace NewsPlatform.Gateway.Tests.Routing;

public sealed class InstanceDiscoveryTests
{
    static InstanceDiscovery Discovery(Func<string, IPAddress[]> lookup) =>
        new(Options.Create(new DiscoveryOptions()), NullLogger<InstanceDiscovery>.Instance)
        {
            Resolve = (host, _) => Task.FromResult(lookup(host)),
        };

    static Dictionary<string, DestinationConfig> One(string address, string? health = null) =>
        new() { ["readerfeed-1"] = new DestinationConfig { Address = address, Health = health } };

    [Fact]
    public async Task A_service_name_becomes_one_destination_per_instance_keeping_its_host_header()
    {
        var pods = new[] { IPAddress.Parse("10.244.1.7"), IPAddress.Parse("10.244.2.9"), IPAddress.Parse("10.244.3.4") };
        var discovery = Discovery(host => host == "readerfeed-pods" ? pods : throw new SocketException((int)SocketError.HostNotFound));

        var resolved = await discovery.ResolveDestinationsAsync(One("http://readerfeed-pods:8080/", "http://readerfeed-pods:8080/"), default);

        Assert.Equal(["readerfeed-1[10.244.1.7]", "readerfeed-1[10.244.2.9]", "readerfeed-1[10.244.3.4]"], resolved.Destinations.Keys.Order());
        var second = resolved.Destinations["readerfeed-1[10.244.2.9]"];
        Assert.Equal("http://10.244.2.9:8080/", second.Address);
        Assert.Equal("http://10.244.2.9:8080/", second.Health);
        Assert.Equal("readerfeed-pods:8080", second.Host);
        Assert.NotNull(resolved.ChangeToken); // looked up again after the refresh period
    }

    [Fact]
    public async Task An_address_given_as_an_ip_stays_as_it_is()
    {
        var discovery = Discovery(_ => throw new InvalidOperationException("an IP address is not looked up"));

        var resolved = await discovery.ResolveDestinationsAsync(One("http://127.0.0.1:5001/"), default);

        var (id, destination) = Assert.Single(resolved.Destinations);
        Assert.Equal("readerfeed-1", id);
        Assert.Equal("http://127.0.0.1:5001/", destination.Address);
        Assert.Null(destination.Host);
    }

    [Fact]
    public async Task A_name_with_no_instance_yet_stays_as_configured_so_the_gateway_still_starts()
    {
        var discovery = Discovery(_ => throw new SocketException((int)SocketError.HostNotFound));

        var resolved = await discovery.ResolveDestinationsAsync(One("http://readerfeed-pods:8080/"), default);

        Assert.Equal("http://readerfeed-pods:8080/", Assert.Single(resolved.Destinations).Value.Address);
    }

    [Fact]
    public async Task The_gateway_reaches_a_service_named_by_host_name_through_its_resolved_instance()
    {
        await using var readerFeed = await StandInService.StartAsync("readerfeed", "readerfeed-1");
        await using var stack = await GatewayStack.StartAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:readerfeed:Destinations:readerfeed-1:Address"] = $"http://localhost:{readerFeed.Address.Port}/",
        });

        var response = await stack.Client().GetAsync("/news");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(readerFeed.Seen, echo => echo.Path == "/news");
        Assert.Equal(["readerfeed-1[127.0.0.1]"], stack.Destinations("readerfeed"));
    }
}
