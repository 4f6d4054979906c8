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
/// is retried with backoff: the relay pauses and resumes by itself.
/// </summary>
public sealed class EventRelay : SubscriptionBase
{
    public const string RelayName = "relay";
    /// <summary>The most events the daemon hands the relay at once.</summary>
    public const int PageSize = 2_000;

    static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

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

        var backoff = TimeSpan.FromMilliseconds(100);
        while (pending.Count > 0)
        {
            pending = await PublishAll(pending, cancellationToken);
            if (pending.Count == 0) break;

            NewsPlatformTelemetry.RelayPublishFailures.Add(1);
            _logger.LogWarning("Relay could not publish {Count} event(s); retrying in {Backoff}", pending.Count, backoff);
            await Task.Delay(backoff, cancellationToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }

        _lastPageDone = Stopwatch.GetTimestamp();
        // Where a backlog's time goes: the daemon's load and progress write (between pages), the map, the publish.
        _logger.LogDebug(
            "Relayed events {From}–{To}: {Events} event(s), {Messages} message(s); {SinceLastPage:0} ms since the last page, map {Map:0} ms, publish {Publish:0} ms",
            page.SequenceFloor, page.SequenceCeiling, page.Events.Count, messages, sinceLastPage.TotalMilliseconds, mapping.TotalMilliseconds,
            (Stopwatch.GetElapsedTime(started) - mapping).TotalMilliseconds);
        return NullChangeListener.Instance;
    }

    long _lastPageDone;

    /// <summary>Publishes concurrently, awaiting confirms; returns what still needs publishing.</summary>
    async Task<List<(IEvent Event, object Message)>> PublishAll(List<(IEvent Event, object Message)> batch, CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(batch.Select(async item => (item, ok: await TryPublish(item.Event, item.Message, cancellationToken))));
        var published = results.Count(r => r.ok);
        if (published > 0) NewsPlatformTelemetry.EventsRelayed.Add(published);
        return results.Where(r => !r.ok).Select(r => r.item).ToList();
    }

    async Task<bool> TryPublish(IEvent e, object message, CancellationToken cancellationToken)
    {
        using var activity = RelayEnvelope.StartActivity("relay", e, message);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        try
        {
            await _bus.Publish(message, message.GetType(), context => RelayEnvelope.Stamp(context, e), timeout.Token);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogDebug(ex, "Publishing event {EventId} failed", e.Id);
            return false;
        }
    }
}
