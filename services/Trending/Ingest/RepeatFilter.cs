namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// The cheap first stage of the repeat rule: remembers which reader this node accepted a view of which
/// article from, and when, so a repeat reaching the same node is answered at once without a publish.
/// The rule itself holds across nodes in the scorer (<see cref="Scoring.RepeatCheck"/>), which also
/// catches what this filter cannot see: a reader spread over nodes, or a pair forgotten early here.
/// Bounded by <paramref name="capacity"/>: past it the oldest pairs are forgotten early rather than the
/// node running out of memory.
/// </summary>
public sealed class RepeatFilter(TimeSpan window, int capacity)
{
    readonly Dictionary<(Guid Reader, Guid Article), DateTimeOffset> _counted = new();
    readonly Queue<((Guid Reader, Guid Article) Key, DateTimeOffset At)> _byAge = new();
    readonly Lock _lock = new();

    /// <summary>True if this reader already counted this article within the window; otherwise records it now.</summary>
    public bool IsRepeat(Guid reader, Guid article, DateTimeOffset now)
    {
        lock (_lock)
        {
            Expire(now);
            if (_counted.TryGetValue((reader, article), out var at) && now - at < window) return true;
            Record((reader, article), now);
            return false;
        }
    }

    /// <summary>Records a view under a second identity of the same reader (the cookie issued with it).</summary>
    public void Remember(Guid reader, Guid article, DateTimeOffset now)
    {
        lock (_lock) Record((reader, article), now);
    }

    /// <summary>Forgets a view that was not accepted after all (its batch was refused), so a retry is not taken for a repeat.</summary>
    public void Release(Guid reader, Guid article, DateTimeOffset at)
    {
        lock (_lock) Forget((reader, article), at);
    }

    public int Count
    {
        get { lock (_lock) return _counted.Count; }
    }

    void Record((Guid, Guid) key, DateTimeOffset now)
    {
        _counted[key] = now;
        _byAge.Enqueue((key, now));
        while (_counted.Count > capacity && _byAge.TryDequeue(out var oldest))
            Forget(oldest.Key, oldest.At);
    }

    void Expire(DateTimeOffset now)
    {
        while (_byAge.TryPeek(out var oldest) && now - oldest.At >= window)
        {
            _byAge.Dequeue();
            Forget(oldest.Key, oldest.At);
        }
    }

    // A pair counted again later has a newer entry further back in the queue; only the latest one removes it.
    void Forget((Guid, Guid) key, DateTimeOffset at)
    {
        if (_counted.TryGetValue(key, out var current) && current == at) _counted.Remove(key);
    }
}
