using JasperFx;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
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
    public Task Consume(ConsumeContext<TMessage> context) =>
        IdempotentDelivery.RunAsync(store, GetType().Name, context,
            async session =>
            {
                await Apply(context.Message, session, context);
                return true;
            },
            _ => AfterCommit(context.Message, context));

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

/// <summary>
/// An <see cref="IdempotentConsumer{TMessage}"/> whose <see cref="Apply"/> returns what <see cref="AfterCommit"/>
/// needs to know of the effect (counts, say); it reaches AfterCommit only if the effect committed.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TOutcome>(IDocumentStore store) : IConsumer<TMessage>
    where TMessage : class
{
    public Task Consume(ConsumeContext<TMessage> context) =>
        IdempotentDelivery.RunAsync(store, GetType().Name, context,
            session => Apply(context.Message, session, context),
            outcome => AfterCommit(context.Message, outcome, context));

    /// <inheritdoc cref="IdempotentConsumer{TMessage}.Apply"/>
    protected abstract Task<TOutcome> Apply(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context);

    /// <inheritdoc cref="IdempotentConsumer{TMessage}.AfterCommit"/>
    protected virtual Task AfterCommit(TMessage message, TOutcome outcome, ConsumeContext<TMessage> context) => Task.CompletedTask;
}

/// <summary>The check, the staged effect with its processed-message row, the one commit, then the after-commit step.</summary>
static class IdempotentDelivery
{
    public static async Task RunAsync<TMessage, TOutcome>(
        IDocumentStore store, string consumer, ConsumeContext<TMessage> context,
        Func<IDocumentSession, Task<TOutcome>> apply, Func<TOutcome, Task> afterCommit)
        where TMessage : class
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException(
            $"{typeof(TMessage).Name} arrived without a MessageId; idempotent consumers need one.");
        var key = $"{consumer}:{messageId:N}";
        var tag = new KeyValuePair<string, object?>("consumer", consumer);

        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ProcessedMessage>(key, context.CancellationToken) is not null)
        {
            NewsPlatformTelemetry.DuplicatesIgnored.Add(1, tag);
            return;
        }

        // The delivery's own services: the clock is the host's one TimeProvider, which tests replace.
        var clock = context.GetPayload<IServiceProvider>().GetRequiredService<TimeProvider>();
        session.Insert(new ProcessedMessage(key, clock.GetUtcNow()));
        var outcome = await apply(session);

        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
            NewsPlatformTelemetry.MessagesApplied.Add(1, tag);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another instance applied the same message between our check and our commit.
            NewsPlatformTelemetry.DuplicatesIgnored.Add(1, tag);
            return;
        }
        await afterCommit(outcome);
    }
}
