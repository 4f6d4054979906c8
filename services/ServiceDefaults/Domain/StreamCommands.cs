using JasperFx;
using JasperFx.Events;
using Marten;

namespace NewsPlatform.ServiceDefaults.Domain;

/// <summary>
/// The one way a command runs against an existing event stream: load it (at exactly the expected
/// version when the client sent If-Match), ask the pure decider, append what it decided, commit.
/// Optimistic concurrency on the stream turns a lost race into <see cref="CommandResult{TState}.Stale"/>
/// or <see cref="CommandResult{TState}.Concurrent"/>, never an overwrite; a refusal appends nothing.
/// <typeparamref name="TState"/> is the stream's aggregate, kept current by an inline projection.
/// </summary>
public static class StreamCommands
{
    /// <param name="stage">
    /// Other writes that belong in the same transaction as the events (given the state before and the
    /// decided events); it may throw <see cref="CommandConflictException"/>.
    /// </param>
    public static async Task<CommandResult<TState>> RunAsync<TState, TEvent>(
        this IDocumentSession session,
        Guid id,
        long? expectedVersion,
        Func<TState, ValueTask<Decision<TEvent>>> decide,
        CancellationToken ct,
        Func<TState, IReadOnlyList<TEvent>, CancellationToken, Task>? stage = null)
        where TState : class
        where TEvent : notnull
    {
        IEventStream<TState> stream;
        try
        {
            stream = expectedVersion is { } expected
                ? await session.Events.FetchForWriting<TState>(id, expected, ct)
                : await session.Events.FetchForWriting<TState>(id, ct);
        }
        catch (ConcurrencyException)
        {
            var current = await session.Events.FetchStreamStateAsync(id, ct);
            return current is null
                ? new CommandResult<TState>.NotFound(id)
                : new CommandResult<TState>.Stale(id, expectedVersion!.Value, current.Version);
        }
        if (stream.Aggregate is not { } before) return new CommandResult<TState>.NotFound(id);

        var decision = await decide(before);
        if (decision.Refusal is { } refusal) return new CommandResult<TState>.Refused(refusal);
        if (decision.Events.Count == 0) return new CommandResult<TState>.Done(before);

        stream.AppendMany(decision.Events.Cast<object>().ToArray());
        try
        {
            if (stage is not null) await stage(before, decision.Events, ct);
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException) when (expectedVersion is { } expected)
        {
            return new CommandResult<TState>.Stale(id, expected, null);
        }
        catch (ConcurrencyException)
        {
            return new CommandResult<TState>.Concurrent(id);
        }
        catch (CommandConflictException conflict)
        {
            return new CommandResult<TState>.Conflict(conflict.Message);
        }
        // The inline projection wrote the new state in the same transaction: answer with exactly what a read now sees.
        return new CommandResult<TState>.Done(await session.LoadAsync<TState>(id, ct)
            ?? throw new InvalidOperationException($"Stream {id} was appended to, but its {typeof(TState).Name} document is missing."));
    }

    /// <summary>The same, for a decider that needs nothing but the state.</summary>
    public static Task<CommandResult<TState>> RunAsync<TState, TEvent>(
        this IDocumentSession session, Guid id, long? expectedVersion, Func<TState, Decision<TEvent>> decide, CancellationToken ct,
        Func<TState, IReadOnlyList<TEvent>, CancellationToken, Task>? stage = null)
        where TState : class
        where TEvent : notnull =>
        session.RunAsync(id, expectedVersion, state => ValueTask.FromResult(decide(state)), ct, stage);
}
