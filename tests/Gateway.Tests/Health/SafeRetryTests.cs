using System.Net;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Health;

/// <summary>
/// Before any health check has noticed a dead instance, a GET that could not even connect to it is
/// retried once on another instance; a POST is never retried — it fails with a problem instead.
/// </summary>
public sealed class SafeRetryTests
{
    [Fact]
    public async Task Reads_survive_a_dead_instance_writes_are_not_retried()
    {
        // Round robin and no health checks: every other request is sent to the dead instance.
        await using var stack = await GatewayStack.StartAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:readerfeed:LoadBalancingPolicy"] = "RoundRobin",
            ["ReverseProxy:Clusters:readerfeed:HealthCheck:Active:Enabled"] = "false",
            ["ReverseProxy:Clusters:readerfeed:HealthCheck:Passive:Enabled"] = "false",
        }, readerFeedInstances: 2);
        using var client = stack.Client();
        await stack["readerfeed-2"].StopAsync();

        var reads = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await client.GetAsync($"/api/feed/articles?n={Requests.Marker()}");
            reads.Add(response.StatusCode);
        }
        var marker = Requests.Marker();
        var writes = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
            writes.Add(await client.SendAsync(Requests.Build("POST", $"/api/feed/rebuild?m={marker}", token: TestTokens.For("admin"))));

        Assert.All(reads, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(writes, w => w.StatusCode == HttpStatusCode.OK);
        var failed = Assert.Single(writes, w => w.StatusCode == HttpStatusCode.BadGateway);
        Assert.Contains("readerfeed service could not be reached", await failed.Content.ReadAsStringAsync());
        Assert.Equal(1, stack["readerfeed-1"].Count(marker));
    }
}
