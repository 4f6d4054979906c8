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
    readonly Dictionary<Type, Func<IEvent, PageState, IQuerySession, CancellationToken, Task<object?>>> _maps = new();
    readonly Dictionary<Type, Func<IReadOnlyList<IEvent>, IQuerySession, CancellationToken, Task<object>>> _preparers = new();

    public RelayMap Map<TEvent>(Func<IEvent<TEvent>, object?> map) where TEvent : notnull =>
        MapAsync<TEvent>((e, _, _) => Task.FromResult(map(e)));

    /// <summary>For events whose message needs the stream's state, e.g. the whole asset at that version.</summary>
    public RelayMap MapAsync<TEvent>(Func<IEvent<TEvent>, IQuerySession, CancellationToken, Task<object?>> map) where TEvent : notnull
    {
        _maps[typeof(TEvent)] = (e, _, session, ct) => map((IEvent<TEvent>)e, session, ct);
        return this;
    }

    /// <summary>
    /// Work done once per relay page rather than once per event: <paramref name="prepare"/> receives every mapped
    /// event of the page, in order, and returns what the <see cref="MapWith{TEvent,TState}"/> maps read — e.g. each
    /// stream's state at each of the page's versions, loaded in one query.
    /// </summary>
    public RelayMap PreparePage<TState>(Func<IReadOnlyList<IEvent>, IQuerySession, CancellationToken, Task<TState>> prepare)
        where TState : class
    {
        _preparers[typeof(TState)] = async (events, session, ct) => await prepare(events, session, ct);
        return this;
    }

    /// <summary>A map reading the page's <typeparamref name="TState"/>, which <see cref="PreparePage{TState}"/> must supply.</summary>
    public RelayMap MapWith<TEvent, TState>(Func<IEvent<TEvent>, TState, object?> map) where TEvent : notnull where TState : class
    {
        _maps[typeof(TEvent)] = (e, page, _, _) => Task.FromResult(map((IEvent<TEvent>)e, page.Get<TState>()));
        return this;
    }

    public IReadOnlyCollection<Type> EventTypes => _maps.Keys;

    public bool IsEmpty => _maps.Count == 0;

    /// <summary>The page's messages in the page's order (so per stream in version order), skipped events left out.</summary>
    internal async Task<List<(IEvent Event, object Message)>> ToMessagesAsync(
        IReadOnlyList<IEvent> page, IQuerySession session, CancellationToken ct)
    {
        var mapped = page.Where(e => _maps.ContainsKey(e.EventType)).ToList();
        var messages = new List<(IEvent Event, object Message)>(mapped.Count);
        if (mapped.Count == 0) return messages;

        var state = new PageState();
        foreach (var (type, prepare) in _preparers)
            state.Set(type, await prepare(mapped, session, ct));
        foreach (var e in mapped)
        {
            if (await _maps[e.EventType](e, state, session, ct) is { } message)
                messages.Add((e, message));
        }
        return messages;
    }

    sealed class PageState
    {
        readonly Dictionary<Type, object> _states = new();

        public void Set(Type type, object state) => _states[type] = state;

        public TState Get<TState>() where TState : class =>
            _states.TryGetValue(typeof(TState), out var state)
                ? (TState)state
                : throw new InvalidOperationException($"The relay map reads {typeof(TState).Name} but no PreparePage supplies it.");
    }
}
