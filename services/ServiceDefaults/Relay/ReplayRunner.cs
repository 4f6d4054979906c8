using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Marten.Events;
using MassTransit;
using Microsoft.Extensions.Logging;
using NewsPlatform.ServiceDefaults.Hosting;
using Npgsql;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>What an operator asks for: one queue, and where in the event store to start (default: the beginning).</summary>
public sealed record ReplayRequest(string? To, DateTimeOffset? FromTime = null, long? FromPosition = null);

/// <summary>
/// Sends this service's relayed events again, to one named queue and no other. The events go through the relay's own
/// <see cref="RelayMap"/> and <see cref="RelayEnvelope"/> (so the same messages, MessageIds, headers and traces as
/// when they were published live) and are sent with MassTransit <c>Send</c> to the queue's own exchange (see
/// <see cref="TargetAddress"/>), only of the message types that queue's bindings receive. The store is read a page at a time in sequence order (so per stream in
/// version order), each page's messages are confirmed by the broker before the next page is read, and the run's
/// position is stored after each page. Consumers are idempotent by MessageId, so a repeated or overlapping replay
/// changes nothing that was already applied.
/// </summary>
public sealed class ReplayRunner(
    IDocumentStore store, RelayMap map, IBus bus, ReplayBroker broker, TimeProvider time, ILogger<ReplayRunner> logger)
{
    public const int PageSize = 500;
    const int MaxSendAttempts = 8;

    /// <summary>
    /// Checks the request against the broker and the store and, if it is sound, stores it as a queued run.
    /// Returns the run, or the problems per field (and stores nothing).
    /// </summary>
    /// <exception cref="ReplayBrokerUnavailableException">The broker's management API could not be asked about the queue.</exception>
    public async Task<(ReplayRun? Run, Dictionary<string, string[]> Errors)> PlanAsync(
        ReplayRequest request, string? requestedBy, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.To))
            errors["to"] = ["Name the queue to replay to, e.g. readerfeed-article-published (RabbitMQ's management UI lists them)."];
        if (request.FromTime is not null && request.FromPosition is not null)
            errors["fromPosition"] = ["Give fromTime or fromPosition, not both."];
        if (request.FromPosition is < 1)
            errors["fromPosition"] = ["Positions start at 1 (the first event in the store)."];
        if (errors.Count > 0) return (null, errors);

        var target = await broker.FindAsync(request.To!, cancellationToken);
        if (target is null)
            return (null, new() { ["to"] = [$"There is no queue '{request.To}' in RabbitMQ virtual host '{broker.VirtualHost}'."] });
        if (target.Exchanges.Count == 0)
            return (null, new() { ["to"] = [$"Queue '{request.To}' is bound to no exchange, so it receives no published events."] });

        await using var session = store.QuerySession();
        var to = await RelayedUpToAsync(cancellationToken);
        var from = request.FromPosition
            ?? (request.FromTime is { } at ? await FirstPositionAtAsync(session, at, to, cancellationToken) : 1);
        var run = new ReplayRun
        {
            Id = Guid.NewGuid(),
            Queue = target.Queue,
            Exchanges = target.Exchanges.Order(StringComparer.Ordinal).ToList(),
            State = RunState.Queued,
            RequestedBy = requestedBy,
            RequestedAt = time.GetUtcNow(),
            UpdatedAt = time.GetUtcNow(),
            FromTime = request.FromTime,
            FromPosition = from,
            ToPosition = to,
            Position = from - 1,
            EventsTotal = to < from ? 0 : await Relayed(session, from - 1, to).CountAsync(cancellationToken),
        };
        await SaveAsync(run, cancellationToken);
        return (run, errors);
    }

    /// <summary>Runs a planned replay to the end (or the first failure), storing progress after every page.</summary>
    public async Task<ReplayRun> RunAsync(ReplayRun run, Action<ReplayRun>? progress, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.NewsPlatformTelemetry.Source.StartActivity("replay to " + run.Queue);
        var clock = Stopwatch.StartNew();
        var sentByType = new Dictionary<string, long>(run.SentByType);
        run = run with { State = RunState.Running, StartedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() };
        await SaveAsync(run, cancellationToken);
        progress?.Invoke(run);
        try
        {
            var endpoint = await bus.GetSendEndpoint(TargetAddress(run));
            var receives = new Dictionary<Type, bool>();
            while (run.Position < run.ToPosition)
            {
                await using var session = store.QuerySession();
                var page = await Relayed(session, run.Position, run.ToPosition)
                    .OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(cancellationToken);
                if (page.Count == 0) break;

                var messages = (await map.ToMessagesAsync(page, session, cancellationToken))
                    .Where(m => Receives(receives, m.Message.GetType(), run))
                    .ToList();
                await SendAsync(endpoint, messages, cancellationToken);
                foreach (var (_, message) in messages)
                    sentByType[message.GetType().Name] = sentByType.GetValueOrDefault(message.GetType().Name) + 1;

                var read = run.EventsRead + page.Count;
                run = run with
                {
                    Position = page[^1].Sequence,
                    EventsRead = read,
                    Sent = run.Sent + messages.Count,
                    SentByType = new Dictionary<string, long>(sentByType),
                    EventsPerSecond = Math.Round(read / Math.Max(clock.Elapsed.TotalSeconds, 0.001)),
                    UpdatedAt = time.GetUtcNow(),
                };
                await SaveAsync(run, cancellationToken);
                progress?.Invoke(run);
            }
            run = run with { State = RunState.Succeeded, FinishedAt = time.GetUtcNow(), UpdatedAt = time.GetUtcNow() };
            logger.LogInformation("Replayed {Sent} message(s) from {Events} event(s) to queue {Queue} in {Elapsed} ms",
                run.Sent, run.EventsRead, run.Queue, clock.ElapsedMilliseconds);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Replay {ReplayId} to queue {Queue} failed at position {Position}", run.Id, run.Queue, run.Position);
            run = run with
            {
                State = RunState.Failed,
                FinishedAt = time.GetUtcNow(),
                UpdatedAt = time.GetUtcNow(),
                Error = $"{e.Message} Every event up to position {run.Position} was sent; " +
                        $"to go on, replay again from position {run.Position + 1}.",
            };
        }
        await SaveAsync(run, CancellationToken.None);
        progress?.Invoke(run);
        return run;
    }

    /// <summary>The relay's allow-listed events after <paramref name="after"/>, up to and including <paramref name="upTo"/>.</summary>
    IQueryable<IEvent> Relayed(IQuerySession session, long after, long upTo)
    {
        var types = map.EventTypes.ToArray();
        return session.Events.QueryAllRawEvents().Where(e => e.Sequence > after && e.Sequence <= upTo && e.EventTypesAre(types));
    }

    /// <summary>
    /// Where the replay sends: a MassTransit consumer's queue is fed by an exchange of its own name, and sending there
    /// declares nothing new. Sending to <c>queue:NAME</c> would declare the queue as a classic one, which RabbitMQ
    /// refuses for a quorum queue (406 PRECONDITION_FAILED, inequivalent arg 'x-queue-type'); that address is kept
    /// only for a queue without an exchange of its own, which a replay then gives it.
    /// </summary>
    static Uri TargetAddress(ReplayRun run) =>
        new((run.Exchanges.Contains(run.Queue, StringComparer.Ordinal) ? "exchange:" : "queue:") + run.Queue);

    /// <summary>Whether the queue's bindings receive this message type: its publish exchange is one of those feeding the queue.</summary>
    bool Receives(Dictionary<Type, bool> known, Type messageType, ReplayRun run)
    {
        if (known.TryGetValue(messageType, out var receives)) return receives;
        receives = bus.Topology.TryGetPublishAddress(messageType, out var address)
                   && run.Exchanges.Contains(Uri.UnescapeDataString(address.AbsolutePath.Split('/')[^1]), StringComparer.Ordinal);
        known[messageType] = receives;
        return receives;
    }

    /// <summary>Sends a page and awaits every confirm, retrying what failed a few times before the run fails.</summary>
    Task SendAsync(ISendEndpoint endpoint, List<(IEvent Event, object Message)> page, CancellationToken cancellationToken) =>
        ConfirmedDelivery.DeliverAllAsync(page, async (e, message, ct) =>
        {
            using var activity = RelayEnvelope.StartActivity("replay", e, message);
            await endpoint.Send(message, message.GetType(), context => RelayEnvelope.Stamp(context, e), ct);
        }, "Replay", logger, cancellationToken, maxAttempts: MaxSendAttempts);

    /// <summary>How far the relay has published: the replay's end, since everything after it reaches the queue live.</summary>
    async Task<long> RelayedUpToAsync(CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""select coalesce(max(last_seq_id), 0) from "{schema}".mt_event_progression where name like '{EventRelay.RelayName}%'""",
            connection);
        try
        {
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // nothing appended yet: the event tables appear with the first write
        }
    }

    /// <summary>The first position at or after a time (one past the end when nothing that late was relayed).</summary>
    static async Task<long> FirstPositionAtAsync(IQuerySession session, DateTimeOffset at, long upTo, CancellationToken cancellationToken)
    {
        var first = await session.Events.QueryAllRawEvents()
            .Where(e => e.Timestamp >= at && e.Sequence <= upTo)
            .OrderBy(e => e.Sequence)
            .Select(e => e.Sequence)
            .Take(1)
            .ToListAsync(cancellationToken);
        return first.Count > 0 ? first[0] : upTo + 1;
    }

    async Task SaveAsync(ReplayRun run, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(run);
        await session.SaveChangesAsync(cancellationToken);
    }
}
