using System.Net;
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
            new Dictionary<string, string?> { ["Relay:UnhealthyLag"] = "100" });
        await ProbeProcesses.AppendAsync(relay, from: 0, count: 10);
        await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 10, TimeSpan.FromSeconds(60));

        await _broker.StopBrokerAsync();
        await ProbeProcesses.AppendAsync(relay, from: 10, count: 200);
        Assert.Equal(new Applied(10, 1), await ProbeProcesses.AppliedAsync(_infrastructure));

        // The outage is visible: readiness fails and names the relay's lag.
        var outage = await relay.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, outage.StatusCode);
        Assert.Contains("Relay is 200 events behind", await outage.Content.ReadAsStringAsync());

        await _broker.StartBrokerAsync();

        var applied = await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 210, TimeSpan.FromSeconds(180));
        Assert.Equal(new Applied(210, 1), applied);
        await Eventually.MatchAsync(async () => (await relay.Client.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "the relay ready again");
    }
}
