using System.Collections.Concurrent;
using NewsPlatform.ReaderFeed.Telemetry;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>
/// Rendered responses in memory, keyed by what they show and valid for one read-model generation.
/// Concurrent misses for one key share a single render. Only bounded key spaces are cached (pages of
/// known articles, sections, authors, feeds), and the whole cache is dropped if it ever grows past a limit.
/// </summary>
public sealed class PageCache(ReadModelChanges changes, TimeProvider time)
{
    const int MaxEntries = 20_000;
    static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    sealed record Entry(long Generation, DateTimeOffset Expires, Lazy<Task<CachedResponse>> Response);

    public int Count => _entries.Count;

    public async Task<CachedResponse> GetOrRenderAsync(string key, Func<Task<CachedResponse>> render, TimeSpan? lifetime = null)
    {
        var colon = key.IndexOf(':');
        var page = new KeyValuePair<string, object?>("page", colon < 0 ? key : key[..colon]);
        if (!changes.IsListening)
        {
            ReaderFeedTelemetry.PageCacheMisses.Add(1, page);
            return await render();
        }

        // Read the generation before rendering: a change during the render leaves the entry already stale.
        var generation = changes.Generation;
        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(key,
            _ => New(generation, now, render, lifetime),
            (_, old) => old.Generation == generation && old.Expires > now ? old : New(generation, now, render, lifetime));
        if (_entries.Count > MaxEntries) _entries.Clear();
        (entry.Response.IsValueCreated ? ReaderFeedTelemetry.PageCacheHits : ReaderFeedTelemetry.PageCacheMisses).Add(1, page);
        try
        {
            var response = await entry.Response.Value;
            if (response.StatusCode >= 500 || response.StatusCode == 404) _entries.TryRemove(new(key, entry));
            return response;
        }
        catch
        {
            _entries.TryRemove(new(key, entry));
            throw;
        }
    }

    static Entry New(long generation, DateTimeOffset now, Func<Task<CachedResponse>> render, TimeSpan? lifetime) =>
        new(generation, now + (lifetime ?? DefaultLifetime), new Lazy<Task<CachedResponse>>(render));
}
