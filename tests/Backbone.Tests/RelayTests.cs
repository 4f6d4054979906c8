using MassTransit;
using NewsPlatform.BackboneProbe;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.TestKit;

namespace NewsPlatform.Backbone.Tests;

/// <summary>The event backbone between two real processes over real PostgreSQL and RabbitMQ.</summary>
public sealed class RelayTests : IAsyncLifetime
{
    TestInfrastructure _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await TestInfrastructure.CreateAsync();
    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task An_event_appended_in_one_process_is_applied_once_by_a_consumer_in_another()
    {
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure);
        await using var relay = await ProbeProcesses.StartRelayAsync(_infrastructure);

        await ProbeProcesses.AppendAsync(relay, from: 0, count: 50);

        var applied = await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 50, TimeSpan.FromSeconds(60));
        Assert.Equal(new Applied(50, 1), applied);
    }

    [Fact]
    public async Task An_append_wakes_the_relay_at_once_instead_of_waiting_for_the_next_poll()
    {
        // Polling every ten minutes: only the append's NOTIFY can get these events relayed within the test.
        var rarePolling = new Dictionary<string, string?>
        {
            ["Relay:FastPollingTime"] = "00:10:00",
            ["Relay:SlowPollingTime"] = "00:10:00",
        };
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure);
        await using var relay = await ProbeProcesses.StartRelayAsync(_infrastructure, extra: rarePolling);

        await ProbeProcesses.AppendAsync(relay, from: 0, count: 1);
        await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 1, TimeSpan.FromSeconds(60));
        // Now the daemon is surely running and its high-water agent asleep until the next poll, minutes away.
        await ProbeProcesses.AppendAsync(relay, from: 1, count: 5);

        var applied = await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 6, TimeSpan.FromSeconds(60));
        Assert.Equal(new Applied(6, 1), applied);
    }

    [Fact]
    public async Task A_duplicate_delivery_applies_its_effect_once()
    {
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure);
        var address = RabbitMqAddress.Parse(_infrastructure.VirtualHost.ConnectionString);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
        }));
        await bus.StartAsync();
        try
        {
            var message = new ProbeNotedV1(Guid.NewGuid(), Guid.NewGuid(), 1, DateTimeOffset.UtcNow, 7, Poison: false);
            for (var i = 0; i < 3; i++)
                await bus.Publish(message, ctx => ctx.MessageId = message.EventId);
            var marker = message with { EventId = Guid.NewGuid(), Sequence = 8 };
            await bus.Publish(marker, ctx => ctx.MessageId = marker.EventId);

            // The marker was published last; once it is applied the three copies have been processed too
            // (one queue, one consumer, retries aside) — and the count must still be one per event.
            var applied = await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 2, TimeSpan.FromSeconds(30));
            Assert.Equal(new Applied(2, 1), applied);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_and_later_messages_still_flow()
    {
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure);
        await using var relay = await ProbeProcesses.StartRelayAsync(_infrastructure);

        await ProbeProcesses.AppendAsync(relay, from: 0, count: 1, poison: true);
        await ProbeProcesses.AppendAsync(relay, from: 1, count: 20);

        var applied = await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 20, TimeSpan.FromSeconds(60));
        Assert.Equal(new Applied(20, 1), applied);
        // The management API's figures refresh every few seconds: wait for a snapshot that shows both.
        var queues = await Eventually.MatchAsync(
            _infrastructure.VirtualHost.QueuesAsync,
            q => q.GetValueOrDefault("probe-consumer-probe-noted_error") == 1 && q.GetValueOrDefault("probe-consumer-probe-noted", -1) == 0,
            TimeSpan.FromSeconds(60), "the poison message alone in the consumer's _error queue");
        Assert.Equal(1, queues["probe-consumer-probe-noted_error"]);
    }

    [Fact]
    public async Task Killing_the_relaying_process_mid_stream_and_restarting_it_loses_nothing_and_applies_nothing_twice()
    {
        await using var consumer = await ProbeProcesses.StartConsumerAsync(_infrastructure);
        var relay = await ProbeProcesses.StartRelayAsync(_infrastructure);

        // Append in the background and kill the process while it is both appending and relaying.
        var appending = ProbeProcesses.AppendAsync(relay, from: 0, count: 20_000, batch: 50);
        await ProbeProcesses.WaitForAppliedAsync(_infrastructure, 200, TimeSpan.FromSeconds(60));
        await relay.KillAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => appending);
        await relay.DisposeAsync();

        var committed = await _infrastructure.Database.CountAsync($"select count(*) from {ProbeProcesses.RelayName}.mt_events");
        var appliedAtKill = await ProbeProcesses.AppliedAsync(_infrastructure);
        Assert.InRange(committed, 200, 19_999);
        Assert.True(appliedAtKill.Distinct < committed, $"the kill came after the relay finished ({appliedAtKill.Distinct} of {committed})");

        await using var restarted = await ProbeProcesses.StartRelayAsync(_infrastructure);
        var applied = await ProbeProcesses.WaitForAppliedAsync(_infrastructure, committed, TimeSpan.FromSeconds(120));
        Assert.Equal(new Applied(committed, 1), applied);
    }
}
