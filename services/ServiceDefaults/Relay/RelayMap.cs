using JasperFx.Events;
using Marten;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// The allow-list of domain events a service announces, and how each becomes a Contracts record.
/// Events not mapped here never leave the service. A map may return null to skip one occurrence
/// (an edit to a draft is not public news).
/// </summary>
public sealed class RelayMap
{
    readonly Dictionary<Type, Func<IEvent, IQuerySession, CancellationToken, Task<object?>>> _maps = new();

    public RelayMap Map<TEvent>(Func<IEvent<TEvent>, object?> map) where TEvent : notnull =>
        MapAsync<TEvent>((e, _, _) => Task.FromResult(map(e)));

    /// <summary>For events whose message needs the stream's state, e.g. the whole article at that version.</summary>
    public RelayMap MapAsync<TEvent>(Func<IEvent<TEvent>, IQuerySession, CancellationToken, Task<object?>> map) where TEvent : notnull
    {
        _maps[typeof(TEvent)] = (e, session, ct) => map((IEvent<TEvent>)e, session, ct);
        return this;
    }

    public IReadOnlyCollection<Type> EventTypes => _maps.Keys;

    public bool IsEmpty => _maps.Count == 0;

    internal Task<object?> ToMessageAsync(IEvent e, IQuerySession session, CancellationToken ct) =>
        _maps.TryGetValue(e.EventType, out var map) ? map(e, session, ct) : Task.FromResult<object?>(null);
}
