using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.TestKit;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway on real Kestrel in front of stand-in services (one instance each, two for readerfeed
/// when asked), with its cluster addresses overridden through configuration as a deployment would.
/// </summary>
public sealed class GatewayStack : IAsyncDisposable
{
    public static readonly string[] Services = ["authoring", "media", "trending", "readerfeed"];

    readonly GatewayFactory _factory;
    readonly Dictionary<string, StandInService> _instances;

    GatewayStack(GatewayFactory factory, Dictionary<string, StandInService> instances, Uri address)
    {
        _factory = factory;
        _instances = instances;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The stand-in instance by destination id, e.g. <c>media-1</c> or <c>readerfeed-2</c>.</summary>
    public StandInService this[string destination] => _instances[destination];

    /// <param name="settings">Extra configuration for the gateway (configuration keys, as in appsettings).</param>
    /// <param name="readerFeedInstances">How many readerfeed instances to start.</param>
    /// <param name="unreachable">Services whose only destination is a port nobody listens on.</param>
    public static async Task<GatewayStack> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, int readerFeedInstances = 1, params string[] unreachable)
    {
        var instances = new Dictionary<string, StandInService>();
        var config = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // The test's clients stand for a proxy on loopback in front of the gateway.
            ["ForwardedHeaders:TrustedNetworks"] = "127.0.0.1",
        };
        foreach (var service in Services)
        {
            var count = service == "readerfeed" ? readerFeedInstances : 1;
            for (var i = 1; i <= count; i++)
            {
                var id = $"{service}-{i}";
                var address = unreachable.Contains(service)
                    ? $"http://127.0.0.1:{ServiceProcess.FreePort()}"
                    : (instances[id] = await StandInService.StartAsync(service, id)).Address.ToString();
                config[$"ReverseProxy:Clusters:{service}:Destinations:{id}:Address"] = address;
            }
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) config[key] = value;

        var factory = new GatewayFactory(config);
        factory.UseKestrel(0);
        factory.StartServer();
        var server = factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var bound = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new GatewayStack(factory, instances, new Uri(bound.Replace("localhost", "127.0.0.1")));
    }

    /// <summary>A client of the gateway; <paramref name="clientAddress"/> is sent as X-Forwarded-For (loopback stands for a trusted proxy).</summary>
    public HttpClient Client(string? clientAddress = null)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // A browser sends no trace context of its own; tests set traceparent explicitly when they want one.
            ActivityHeadersPropagator = null,
        })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (clientAddress is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    /// <summary>The gateway's current view of one destination's health.</summary>
    public DestinationHealth ActiveHealth(string service, string destination)
    {
        var proxy = _factory.Services.GetRequiredService<IProxyStateLookup>();
        return proxy.TryGetCluster(service, out var cluster) && cluster.Destinations.TryGetValue(destination, out var d)
            ? d.Health.Active
            : throw new InvalidOperationException($"{service}/{destination} is not configured.");
    }

    /// <summary>The ids of the destinations the gateway balances a service's requests over now.</summary>
    public IReadOnlyList<string> Destinations(string service) =>
        _factory.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster(service, out var cluster)
            ? cluster.Destinations.Keys.Order().ToList()
            : throw new InvalidOperationException($"{service} is not configured.");

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        foreach (var instance in _instances.Values) await instance.DisposeAsync();
    }

    sealed class GatewayFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<GatewayEntryPoint>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
