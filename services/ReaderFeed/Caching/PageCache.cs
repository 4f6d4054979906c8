using NewsPlatform.ReaderFeed.Telemetry;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>
/// Rendered responses in memory, keyed by what they show and valid for one read-model generation.
/// Concurrent misses for one key share a single render. The cache holds at most <see cref="MaxBytes"/> of
/// rendered responses; past that the least recently used go first (LRU). An entry from an older
/// generation, or past its lifetime, is never served: it is rendered again in place.
/// </summary>
public sealed class PageCache
{
    /// <summary>What an entry costs besides its body: the key, the headers' strings, the bookkeeping objects.</summary>
    internal const int EntryOverhead = 512;
    static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(5);

    readonly ReadModelChanges _changes;
    readonly TimeProvider _time;
    readonly Lock _lock = new();
    readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    // Most recently used first.
    readonly LinkedList<Entry> _recency = new();
    long _bytes, _hits, _misses;

    public PageCache(ReadModelChanges changes, TimeProvider time, long maxBytes)
    {
        _changes = changes;
        _time = time;
        MaxBytes = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The page cache needs room for at least one byte.");
    }

    sealed class Entry(string key, long generation, DateTimeOffset expires, Lazy<Task<CachedResponse>> response)
    {
        public string Key => key;
        public long Generation => generation;
        public DateTimeOffset Expires => expires;
        public Lazy<Task<CachedResponse>> Response => response;
        /// <summary>Charged once rendered; 0 while the render runs.</summary>
        public long Size { get; set; }
    }

    public long MaxBytes { get; }

    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Share of lookups since start that were served from memory (0 before the first).</summary>
    public double HitRatio
    {
        get
        {
            var hits = Interlocked.Read(ref _hits);
            var total = hits + Interlocked.Read(ref _misses);
            return total == 0 ? 0 : (double)hits / total;
        }
    }

    public async Task<CachedResponse> GetOrRenderAsync(string key, Func<Task<CachedResponse>> render, TimeSpan? lifetime = null)
    {
        var colon = key.IndexOf(':');
        var page = new KeyValuePair<string, object?>("page", colon < 0 ? key : key[..colon]);
        if (!_changes.IsListening)
        {
            Record(hit: false, page);
            return await render();
        }

        // Read the generation before rendering: a change during the render leaves the entry already stale.
        var generation = _changes.Generation;
        var now = _time.GetUtcNow();
        Entry entry;
        bool hit;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node) && node.Value.Generation == generation && node.Value.Expires > now)
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                entry = node.Value;
                hit = entry.Response.IsValueCreated;
            }
            else
            {
                if (node is not null) RemoveLocked(node);
                entry = new Entry(key, generation, now + (lifetime ?? DefaultLifetime), new Lazy<Task<CachedResponse>>(render));
                _entries[key] = _recency.AddFirst(entry);
                hit = false;
            }
        }
        Record(hit, page);
        try
        {
            var response = await entry.Response.Value;
            if (response.StatusCode >= 500 || response.StatusCode == 404) Remove(entry);
            else Charge(entry, response);
            return response;
        }
        catch
        {
            Remove(entry);
            throw;
        }
    }

    void Record(bool hit, KeyValuePair<string, object?> page)
    {
        if (hit)
        {
            Interlocked.Increment(ref _hits);
            ReaderFeedTelemetry.PageCacheHits.Add(1, page);
        }
        else
        {
            Interlocked.Increment(ref _misses);
            ReaderFeedTelemetry.PageCacheMisses.Add(1, page);
        }
    }

    /// <summary>Counts a finished render against the budget, then evicts from the least recently used end until it fits.</summary>
    void Charge(Entry entry, CachedResponse response)
    {
        var evicted = 0;
        lock (_lock)
        {
            if (entry.Size > 0 || !_entries.TryGetValue(entry.Key, out var node) || node.Value != entry) return;
            entry.Size = response.Body.Length + 2L * entry.Key.Length + EntryOverhead;
            Interlocked.Add(ref _bytes, entry.Size);
            while (_bytes > MaxBytes && _recency.Last is { } last)
            {
                RemoveLocked(last);
                evicted++;
            }
        }
        if (evicted > 0) ReaderFeedTelemetry.PageCacheEvictions.Add(evicted);
    }

    void Remove(Entry entry)
    {
        lock (_lock)
            if (_entries.TryGetValue(entry.Key, out var node) && node.Value == entry) RemoveLocked(node);
    }

    void RemoveLocked(LinkedListNode<Entry> node)
    {
        _entries.Remove(node.Value.Key);
        _recency.Remove(node);
        Interlocked.Add(ref _bytes, -node.Value.Size);
    }
}
