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

    [Fact]
    public async Task An_instance_reporting_Degraded_stays_in_rotation_and_counts_as_ready()
    {
        await using var stack = await GatewayStack.StartAsync(FastHealthChecks, readerFeedInstances: 2);
        using var client = stack.Client();
        var degraded = stack["readerfeed-2"];

        degraded.Degraded = true;
        var probed = degraded.ReadinessProbes;
        // More probes than the two consecutive failures that would take it out, had Degraded counted as one.
        await Eventually.MatchAsync(() => Task.FromResult(degraded.ReadinessProbes), n => n >= probed + 4,
            TimeSpan.FromSeconds(30), "the gateway to probe readerfeed-2 several times while it reports Degraded");

        Assert.Equal(DestinationHealth.Healthy, stack.ActiveHealth("readerfeed", "readerfeed-2"));
        using var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 of 2 readerfeed instances ready", await response.Content.ReadAsStringAsync());
        await Eventually.MatchAsync(async () =>
        {
            using var r = await client.GetAsync($"/api/feed/articles?degraded={Requests.Marker()}");
            return degraded.Count("degraded=");
        }, n => n > 0, TimeSpan.FromSeconds(10), "reader traffic to reach the Degraded instance");
    }

    /// <summary>Uncached reader requests (a fresh query each), so every one goes to an instance.</summary>
    static IEnumerable<string> ReaderPaths(int count)
    {
        string[] pages = ["/", "/news", "/news/klimaet-er-til-debat", "/authors/camilla-jessen", "/search", "/rss.xml", "/api/feed/articles"];
        for (var i = 0; i < count; i++) yield return $"{pages[i % pages.Length]}?n={Requests.Marker()}";
    }
}
