using System.Net;
using System.Text.Json;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Tests.Health;

/// <summary>A service that is down, unhealthy or slow gives a problem that names it — never a stack trace.</summary>
public sealed class ServiceDownTests : IAsyncLifetime
{
    GatewayStack _stack = null!;

    public async Task InitializeAsync() => _stack = await GatewayStack.StartAsync(new Dictionary<string, string?>
    {
        // Media: nobody listens and no health check runs, so each request tries to connect.
        ["ReverseProxy:Clusters:media:HealthCheck:Active:Enabled"] = "false",
        ["ReverseProxy:Clusters:media:HealthCheck:Passive:Enabled"] = "false",
        // Trending: nobody listens and the health check soon says so.
        ["ReverseProxy:Clusters:trending:HealthCheck:Active:Interval"] = "00:00:01",
        ["ReverseProxy:Clusters:trending:HealthCheck:Active:Timeout"] = "00:00:00.500",
        // Authoring answers, but slower than the gateway waits.
        ["ReverseProxy:Clusters:authoring:HttpRequest:ActivityTimeout"] = "00:00:01",
        ["Gateway:Readiness:Timeout"] = "00:00:01",
    }, unreachable: ["media", "trending"]);

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task An_unreachable_service_is_502_naming_it()
    {
        using var response = await _stack.Client().GetAsync($"/api/media/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("The media service could not be reached.", problem.GetProperty("detail").GetString());
        Assert.Equal("media", problem.GetProperty("service").GetString());
    }

    [Fact]
    public async Task A_service_without_a_healthy_instance_is_503_naming_it()
    {
        await Eventually.MatchAsync(() => Task.FromResult(_stack.ActiveHealth("trending", "trending-1")),
            h => h == DestinationHealth.Unhealthy, TimeSpan.FromSeconds(15), "the gateway to mark trending unhealthy");

        using var response = await _stack.Client().GetAsync("/api/trending?section=news");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Contains("No instance of the trending service is healthy", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_service_slower_than_the_timeout_is_504_naming_it()
    {
        using var response = await _stack.Client().SendAsync(
            Requests.Build("GET", "/api/authoring/articles?delay=5000", role: "writer"));

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("The authoring service did not answer in time.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Public_readiness_names_failing_instances_but_never_an_internal_address()
    {
        using var response = await _stack.Client().GetAsync("/health/ready");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("media-1: connection refused or unreachable", body);
        Assert.DoesNotContain("127.0.0.1", body);
        Assert.DoesNotContain("localhost", body);
        Assert.DoesNotContain("http://", body);
        Assert.DoesNotContain("\"data\":{", body);
    }

    [Fact]
    public async Task Readiness_is_503_and_names_every_service_that_is_down()
    {
        using var response = await _stack.Client().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal("Unhealthy", checks["media"].GetProperty("status").GetString());
        Assert.StartsWith("The media service is not ready", checks["media"].GetProperty("detail").GetString());
        Assert.Equal("Unhealthy", checks["trending"].GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["authoring"].GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["readerfeed"].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_follows_a_services_own_readiness()
    {
        _stack["readerfeed-1"].Ready = false;
        try
        {
            using var response = await _stack.Client().GetAsync("/health/ready");

            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("The readerfeed service is not ready: readerfeed-1: 503", body);
        }
        finally
        {
            _stack["readerfeed-1"].Ready = true;
        }
    }

    [Fact]
    public async Task Readiness_can_report_a_service_down_without_taking_the_gateway_out_of_rotation()
    {
        await using var stack = await GatewayStack.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Readiness:ServiceDownStatus"] = "Degraded",
        }, unreachable: ["media"]);

        using var response = await stack.Client().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Degraded\"", body);
        Assert.Contains("The media service is not ready", body);
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
