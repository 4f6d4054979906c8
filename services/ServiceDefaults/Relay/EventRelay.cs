using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// Publishes the allow-listed events of this service's Marten store to RabbitMQ.
/// Runs inside Marten's async daemon (HotCold: one node at a time). A page returns only after
/// the broker confirmed every message in it, and Marten stores the progress after that — so
/// delivery is at-least-once and no committed event is skipped. While the broker is away the page
/// is retried with backoff (<see cref="ConfirmedDelivery"/>): the relay pauses and resumes by itself.
/// </summary>
public sealed class EventRelay : SubscriptionBase
{
    public const string RelayName = "relay";
    /// <summary>The most events the daemon hands the relay at once.</summary>
    public const int PageSize = 2_000;

    readonly RelayMap _map;
    readonly IBus _bus;
    readonly ILogger<EventRelay> _logger;

    public EventRelay(RelayMap map, IBus bus, ILogger<EventRelay> logger)
    {
        _map = map;
        _bus = bus;
        _logger = logger;
        Name = RelayName;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var sinceLastPage = _lastPageDone == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_lastPageDone, started);
        var pending = await _map.ToMessagesAsync(page.Events, operations, cancellationToken);
        var mapping = Stopwatch.GetElapsedTime(started);
        var messages = pending.Count;

        await ConfirmedDelivery.DeliverAllAsync(pending, PublishAsync, "Relay", _logger, cancellationToken,
            delivered: count => NewsPlatformTelemetry.EventsRelayed.Add(count),
            failedRound: () => NewsPlatformTelemetry.RelayPublishFailures.Add(1));

        _lastPageDone = Stopwatch.GetTimestamp();
        // Where a backlog's time goes: the daemon's load and progress write (between pages), the map, the publish.
        _logger.LogDebug(
            "Relayed events {From}–{To}: {Events} event(s), {Messages} message(s); {SinceLastPage:0} ms since the last page, map {Map:0} ms, publish {Publish:0} ms",
            page.SequenceFloor, page.SequenceCeiling, page.Events.Count, messages, sinceLastPage.TotalMilliseconds, mapping.TotalMilliseconds,
            (Stopwatch.GetElapsedTime(started) - mapping).TotalMilliseconds);
        return NullChangeListener.Instance;
    }

    long _lastPageDone;

    async Task PublishAsync(IEvent e, object message, CancellationToken cancellationToken)
    {
        using var activity = RelayEnvelope.StartActivity("relay", e, message);
        await _bus.Publish(message, message.GetType(), context => RelayEnvelope.Stamp(context, e), cancellationToken);
    }
}
