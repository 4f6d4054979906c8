using System.Net;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Tests.Health;

/// <summary>
/// Two ReaderFeed instances share the reader traffic; when one stops, the active health check takes it
/// out within seconds and no reader request fails.
/// </summary>
public sealed class FailoverTests
{
    static readonly Dictionary<string, string?> FastHealthChecks = new()
    {
        ["ReverseProxy:Clusters:readerfeed:HealthCheck:Active:Interval"] = "00:00:01",
        ["ReverseProxy:Clusters:readerfeed:HealthCheck:Active:Timeout"] = "00:00:00.500",
    };

    [Fact]
    public async Task Stopping_one_of_two_instances_fails_no_reader_request_once_the_health_check_noticed()
    {
        await using var stack = await GatewayStack.StartAsync(FastHealthChecks, readerFeedInstances: 2);
        using var client = stack.Client();
        var survivor = stack["readerfeed-1"];
        var stopped = stack["readerfeed-2"];

        await Eventually.MatchAsync(async () =>
        {
            using var r = await client.GetAsync($"/api/feed/articles?warm={Requests.Marker()}");
            return stopped.Seen.Count > 0 && survivor.Seen.Count > 0;
        }, both => both, TimeSpan.FromSeconds(10), "both instances to receive reader traffic");

        await stopped.StopAsync();
        await Eventually.MatchAsync(() => Task.FromResult(stack.ActiveHealth("readerfeed", "readerfeed-2")),
            h => h == DestinationHealth.Unhealthy, TimeSpan.FromSeconds(15), "the gateway to mark readerfeed-2 unhealthy");

        var before = survivor.Seen.Count;
        var failures = new List<string>();
        foreach (var path in ReaderPaths(40))
        {
            using var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{path}: {(int)response.StatusCode}");
        }

        Assert.Empty(failures);
        Assert.Equal(before + 40, survivor.Seen.Count);
    }

    [Fact]
    public async Task Readiness_reports_the_service_degraded_not_down_while_one_instance_remains()
    {
        await using var stack = await GatewayStack.StartAsync(FastHealthChecks, readerFeedInstances: 2);
        using var client = stack.Client();

        await stack["readerfeed-2"].StopAsync();
        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("1 of 2 readerfeed instances ready", body);
        Assert.Contains("\"status\":\"Degraded\"", body);
    }

    /// <summary>Uncached reader requests (a fresh query each), so every one goes to an instance.</summary>
    static IEnumerable<string> ReaderPaths(int count)
    {
        string[] pages = ["/", "/news", "/news/klimaet-er-til-debat", "/authors/camilla-jessen", "/search", "/rss.xml", "/api/feed/articles"];
        for (var i = 0; i < count; i++) yield return $"{pages[i % pages.Length]}?n={Requests.Marker()}";
    }
}
