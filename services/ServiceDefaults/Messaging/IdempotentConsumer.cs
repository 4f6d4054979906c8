using Marten;
using JasperFx;
using MassTransit;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>
/// The one way NewsPlatform consumes integration events: the effect is staged on a Marten session
/// together with a <see cref="ProcessedMessage"/> row, and both commit in one PostgreSQL transaction.
/// A redelivered message finds its row and changes nothing; two instances racing on the same
/// message collide on the row's key and only one commits.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(IDocumentStore store) : IConsumer<TMessage>
    where TMessage : class
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException(
            $"{typeof(TMessage).Name} arrived without a MessageId; idempotent consumers need one.");
        var key = $"{GetType().Name}:{messageId:N}";

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedMessage>(key, context.CancellationToken) is not null)
        {
            NewsPlatformTelemetry.DuplicatesIgnored.Add(1, new KeyValuePair<string, object?>("consumer", GetType().Name));
            return;
        }

        session.Insert(new ProcessedMessage(key, DateTimeOffset.UtcNow));
        await Apply(context.Message, session, context);

        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
            NewsPlatformTelemetry.MessagesApplied.Add(1, new KeyValuePair<string, object?>("consumer", GetType().Name));
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another instance applied the same message between our check and our commit.
            NewsPlatformTelemetry.DuplicatesIgnored.Add(1, new KeyValuePair<string, object?>("consumer", GetType().Name));
            return;
        }
        await AfterCommit(context.Message, context);
    }

    /// <summary>
    /// Stage the effect on <paramref name="session"/> (documents, or SQL through
    /// <c>session.QueueSqlCommand</c>); do not save — the base class commits once.
    /// </summary>
    protected abstract Task Apply(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context);

    /// <summary>
    /// Runs once the effect has committed, and only for the delivery that committed it (never for a duplicate):
    /// the place to tell others about the change, e.g. <c>context.Publish</c>, when they must not hear of it before
    /// it can be read. If the process stops between the commit and this call, the redelivery is a duplicate and
    /// this does not run again.
    /// </summary>
    protected virtual Task AfterCommit(TMessage message, ConsumeContext<TMessage> context) => Task.CompletedTask;
}
