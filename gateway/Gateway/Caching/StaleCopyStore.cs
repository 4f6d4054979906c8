using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;

namespace NewsPlatform.Gateway.Caching;

/// <summary>
/// The output cache's store, with stale-if-error: every response is kept for its lifetime plus
/// <c>Gateway:OutputCache:StaleIfError</c>. While fresh it is served as usual; once expired, or once a purge
/// (<see cref="EvictByTagAsync"/>) has made it out of date, a lookup misses and the request goes to the service —
/// unless the service has just failed that very request (<see cref="ReaderFailover"/>), when the stale copy is
/// served instead. So a purge never leaves readers without a page while ReaderFeed or its database is down.
/// Memory stays bounded by the inner store's size limit (<c>Gateway:OutputCache:SizeLimitMegabytes</c>).
/// </summary>
public sealed class StaleCopyStore(IOutputCacheStore inner, TimeSpan staleIfError, IHttpContextAccessor http, TimeProvider clock) : IOutputCacheStore
{
    sealed record Entry(DateTimeOffset Stored, DateTimeOffset FreshUntil, DateTimeOffset KeptUntil, string[] Tags);

    readonly ConcurrentDictionary<string, Entry> _entries = new();
    readonly ConcurrentDictionary<string, DateTimeOffset> _purged = new();
    int _sweepAt = 1024;

    public TimeSpan StaleIfError => staleIfError;

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var value = await inner.GetAsync(key, cancellationToken);
        if (value is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }
        if (!_entries.TryGetValue(key, out var entry) || IsFresh(entry)) return value;

        // Stale: only for a request whose service just failed; everyone else goes to the service for a new copy.
        var failover = http.HttpContext?.Features.Get<ReaderFailover>();
        if (failover is null) return null;
        if (failover.ServeStale)
        {
            failover.StaleServed = true;
            return value;
        }
        failover.StaleCopyKept = true;
        return null;
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _entries[key] = new Entry(now, now + validFor, now + validFor + staleIfError, tags ?? []);
        await inner.SetAsync(key, value, tags, validFor + staleIfError, cancellationToken);
        if (_entries.Count > Volatile.Read(ref _sweepAt)) Sweep(now);
    }

    /// <summary>Marks every response with the tag as out of date; each stays as a stale copy until it is replaced or expires.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        _purged[tag] = clock.GetUtcNow();
        return ValueTask.CompletedTask;
    }

    bool IsFresh(Entry entry)
    {
        if (clock.GetUtcNow() >= entry.FreshUntil) return false;
        foreach (var tag in entry.Tags)
            if (_purged.TryGetValue(tag, out var purged) && purged >= entry.Stored) return false;
        return true;
    }

    /// <summary>Forgets what the inner store has dropped by now (it expires entries on its own), so the index stays bounded.</summary>
    void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
            if (entry.KeptUntil <= now) _entries.TryRemove(key, out _);
        Volatile.Write(ref _sweepAt, Math.Max(1024, _entries.Count * 2));
    }
}
