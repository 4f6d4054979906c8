namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// Accepted views waiting for the next flush, counted per article and UTC second. Adding is a
/// dictionary increment under a lock: the request path never waits for the broker or the database.
/// </summary>
public sealed class ViewBuffer
{
    Dictionary<(Guid Article, long Second), int> _counts = new();
    long _pending;
    readonly Lock _lock = new();

    public void Add(Guid articleId, DateTimeOffset at)
    {
        var second = at.ToUnixTimeSeconds();
        lock (_lock)
        {
            _counts[(articleId, second)] = _counts.GetValueOrDefault((articleId, second)) + 1;
            _pending++;
        }
    }

    /// <summary>Views accepted but not yet handed to the publisher.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Takes everything buffered so far; new views go to a fresh buffer.</summary>
    public IReadOnlyList<ArticleViews> Drain()
    {
        Dictionary<(Guid Article, long Second), int> taken;
        lock (_lock)
        {
            if (_counts.Count == 0) return [];
            taken = _counts;
            _counts = new Dictionary<(Guid, long), int>(taken.Count);
            _pending = 0;
        }
        return taken.Select(c => new ArticleViews(c.Key.Article, DateTimeOffset.FromUnixTimeSeconds(c.Key.Second), c.Value)).ToList();
    }
}
