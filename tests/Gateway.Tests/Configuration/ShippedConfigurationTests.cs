using System.Text.Json;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Configuration;

/// <summary>
/// Rules for the routing table the gateway ships with (its appsettings.json), so a route added later
/// cannot silently be open, cached while authenticated, or point at nothing.
/// </summary>
public sealed class ShippedConfigurationTests
{
    static readonly string[] Policies = ["anonymous", "default", "writer", "editor", "admin"];
    static readonly JsonElement Proxy = Load().GetProperty("ReverseProxy");

    static IEnumerable<(string Id, JsonElement Route)> Routes =>
        Proxy.GetProperty("Routes").EnumerateObject().Select(r => (r.Name, r.Value));

    [Fact]
    public void Every_route_names_its_authorization_policy()
    {
        var missing = Routes.Where(r => !r.Route.TryGetProperty("AuthorizationPolicy", out var p) || !Policies.Contains(p.GetString()))
            .Select(r => r.Id).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Only_anonymous_read_only_routes_are_output_cached()
    {
        var cachedRoutes = Routes.Where(r => r.Route.TryGetProperty("OutputCachePolicy", out _)).ToList();

        Assert.NotEmpty(cachedRoutes);
        Assert.All(cachedRoutes, r =>
        {
            Assert.Equal("anonymous", r.Route.GetProperty("AuthorizationPolicy").GetString());
            var methods = r.Route.GetProperty("Match").GetProperty("Methods").EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.Equal(["GET", "HEAD"], methods);
        });
    }

    [Fact]
    public void Every_route_points_at_a_configured_service()
    {
        var clusters = Proxy.GetProperty("Clusters").EnumerateObject().Select(c => c.Name).ToHashSet();

        Assert.Equal(["authoring", "media", "readerfeed", "trending"], clusters.Order());
        Assert.All(Routes, r => Assert.Contains(r.Route.GetProperty("ClusterId").GetString()!, clusters));
    }

    [Fact]
    public void Every_service_is_load_balanced_and_health_checked_on_its_readiness()
    {
        foreach (var cluster in Proxy.GetProperty("Clusters").EnumerateObject().Select(c => c.Value))
        {
            Assert.Contains(cluster.GetProperty("LoadBalancingPolicy").GetString(), new[] { "PowerOfTwoChoices", "RoundRobin" });
            var active = cluster.GetProperty("HealthCheck").GetProperty("Active");
            Assert.True(active.GetProperty("Enabled").GetBoolean());
            Assert.Equal("/health/ready", active.GetProperty("Path").GetString());
            Assert.True(TimeSpan.Parse(active.GetProperty("Interval").GetString()!) <= TimeSpan.FromSeconds(5));
            Assert.True(cluster.GetProperty("HealthCheck").GetProperty("Passive").GetProperty("Enabled").GetBoolean());
        }
    }

    [Fact]
    public void Uploads_may_carry_20_MB_and_a_beacon_almost_nothing()
    {
        var routes = Routes.ToDictionary(r => r.Id, r => r.Route);

        Assert.True(routes["media-upload"].GetProperty("MaxRequestBodySize").GetInt64() > 20 * 1024 * 1024);
        Assert.True(routes["trending-views"].GetProperty("MaxRequestBodySize").GetInt64() <= 4096);
        Assert.Equal(1024 * 1024, Load().GetProperty("Gateway").GetProperty("MaxRequestBodySize").GetInt64());
    }

    static JsonElement Load()
    {
        var folder = Path.GetDirectoryName(ProjectOutput.Assembly("gateway/Gateway", "NewsPlatform.Gateway"))!;
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "appsettings.json")));
        return document.RootElement.Clone();
    }
}
