using Marten;
using MassTransit;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.BackboneProbe;

/// <summary>
/// Counts every application of a message in <c>probe_applied.times</c>. The idempotent base class
/// must keep every count at 1, whatever the broker redelivers.
/// </summary>
public sealed class ProbeNotedConsumer(IDocumentStore store) : IdempotentConsumer<ProbeNotedV1>(store)
{
    protected override Task Apply(ProbeNotedV1 message, IDocumentSession session, ConsumeContext<ProbeNotedV1> context)
    {
        if (message.Poison)
            throw new InvalidOperationException($"Probe message {message.Sequence} is poison by design.");

        session.QueueSqlCommand(
            $"""
            insert into {ProbeSchema.Table(session)} (event_id, sequence, occurred_at, received_at, times)
            values (?, ?, ?, clock_timestamp(), 1)
            on conflict (event_id) do update set times = {ProbeSchema.TableName}.times + 1
            """,
            message.EventId, message.Sequence, message.OccurredAt);
        return Task.CompletedTask;
    }
}
