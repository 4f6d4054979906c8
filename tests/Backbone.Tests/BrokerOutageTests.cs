using System.Net;
using System.Text.Json;
using NewsPlatform.TestKit;

namespace NewsPlatform.Backbone.Tests;

/// <summary>The relay pauses while RabbitMQ is down and resumes by itself, losing nothing.</summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    TestInfrastructure _infrastructure = null!;
    DedicatedRabbitMqNode _broker = null!;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        _broker = await DedicatedRabbitMqNode.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    [Fact]
    public async Task Events_appended_while_RabbitMQ_is_stopped_all_arrive_once_after_it_returns()
    {
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure, _broker.ConnectionString);
        await using var relay = await ProbeProcesses.StartRelayAsync(_infrastructure, _broker.ConnectionString,
            new Dictionary<string, string?> { ["Relay:DegradedLag"] = "100" });
        await ProbeProcesses.AppendAsync(relay, from: 0, count: 10);
        await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 10, TimeSpan.FromSeconds(60));

        await _broker.StopBrokerAsync();
        await ProbeProcesses.AppendAsync(relay, from: 10, count: 200);
        Assert.Equal(new Applied(10, 1), await ProbeProcesses.AppliedAsync(_infrastructure));

        // The outage is visible but is no outage of the service: readiness stays 200, Degraded, naming the lag…
        await AssertRelayReadinessAsync(relay, HealthStatusName.Degraded, lag: 200);
        // …and the instance still accepts writes, which only add to the lag.
        await ProbeProcesses.AppendAsync(relay, from: 210, count: 50);
        await AssertRelayReadinessAsync(relay, HealthStatusName.Degraded, lag: 250);

        await _broker.StartBrokerAsync();

        var applied = await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 260, TimeSpan.FromSeconds(180));
        Assert.Equal(new Applied(260, 1), applied);
        await Eventually.MatchAsync(async () => (await ReadinessAsync(relay)).Relay.Status,
            status => status == HealthStatusName.Healthy, TimeSpan.FromSeconds(60), "the relay caught up");
        await AssertRelayReadinessAsync(relay, HealthStatusName.Healthy, lag: 0);
    }

    static class HealthStatusName
    {
        public const string Healthy = "Healthy";
        public const string Degraded = "Degraded";
    }

    static async Task AssertRelayReadinessAsync(ServiceProcess relay, string status, long lag)
    {
        var readiness = await ReadinessAsync(relay);
        Assert.Equal(HttpStatusCode.OK, readiness.Code);
        Assert.Equal(status, readiness.Status);
        Assert.Equal(status, readiness.Relay.Status);
        Assert.Equal(lag, readiness.Relay.Lag);
        Assert.Contains($"Relay is {lag} events behind", readiness.Relay.Detail);
    }

    static async Task<(HttpStatusCode Code, string Status, (string Status, long Lag, string Detail) Relay)> ReadinessAsync(ServiceProcess relay)
    {
        using var response = await relay.Client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var check = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "relay");
        return (response.StatusCode, body.RootElement.GetProperty("status").GetString()!,
            (check.GetProperty("status").GetString()!, check.GetProperty("data").GetProperty("lag").GetInt64(),
                check.GetProperty("detail").GetString()!));
    }
}
