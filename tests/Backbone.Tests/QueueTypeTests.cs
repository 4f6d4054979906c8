using NewsPlatform.TestKit;

namespace NewsPlatform.Backbone.Tests;

/// <summary>
/// Receive endpoints are declared as quorum queues (replicated across a cluster's nodes) unless
/// <c>Messaging:QueueType</c> asks for classic ones, as RabbitMQ's management API reports them.
/// </summary>
public sealed class QueueTypeTests : IAsyncLifetime
{
    TestInfrastructure _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await TestInfrastructure.CreateAsync();

    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task A_service_started_with_default_settings_declares_its_queues_quorum()
    {
        var settings = _infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        await using var trending = await ServiceProcess.StartAsync("services/Trending", "NewsPlatform.Trending", settings);

        var queues = await _infrastructure.VirtualHost.QueueTypesAsync();
        var consumed = queues.Where(q => q.Key.StartsWith("trending-", StringComparison.Ordinal)
                                         && !q.Key.EndsWith("_error", StringComparison.Ordinal)
                                         && !q.Key.EndsWith("_skipped", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(consumed);
        Assert.All(consumed, q => Assert.Equal("quorum", q.Value));
    }

    [Fact]
    public async Task Messaging_QueueType_classic_keeps_classic_queues_for_a_single_development_node()
    {
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure, extra: new Dictionary<string, string?>
        {
            ["Messaging:QueueType"] = "classic",
        });

        var queues = await _infrastructure.VirtualHost.QueueTypesAsync();
        var probe = queues.Where(q => q.Key.StartsWith("probe-consumer-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(probe);
        Assert.All(probe, q => Assert.Equal("classic", q.Value));
    }

    [Fact]
    public async Task An_unknown_queue_type_stops_start_up_and_names_the_setting()
    {
        var settings = _infrastructure.Settings();
        settings["Messaging:QueueType"] = "mirrored";
        await using var trending = await ServiceProcess.StartAsync("services/Trending", "NewsPlatform.Trending", settings,
            waitUntilReady: false);

        var output = await Eventually.MatchAsync(() => Task.FromResult(trending.Output),
            o => o.Contains("Messaging:QueueType", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the start-up error");
        Assert.Contains("'Messaging:QueueType' is 'mirrored'; it must be 'quorum' (the default) or 'classic'", output);
        await Eventually.MatchAsync(() => Task.FromResult(trending.HasExited), exited => exited, TimeSpan.FromSeconds(30), "Trending to exit");
        Assert.Empty(await _infrastructure.VirtualHost.QueueTypesAsync());
    }
}
