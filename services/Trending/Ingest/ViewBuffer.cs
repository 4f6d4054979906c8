namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// The group commit of accepted views. Each beacon adds its view to the open group and awaits that group's
/// outcome; <see cref="ViewBatchPublisher"/> takes the group when it is full or its interval has passed,
/// publishes it as one batch and completes every waiting beacon at once — true once the broker confirmed,
/// false if it did not in time.
/// </summary>
public sealed class ViewBuffer(int maxViews)
{
    readonly Lock _lock = new();
    ViewGroup _open = new();
    bool _closed;

    /// <summary>Adds a view to the open group; the task completes when the group is confirmed (true) or refused (false).</summary>
    public Task<bool> Add(AcceptedView view)
    {
        lock (_lock)
        {
            if (_closed) return Task.FromResult(false);
            return _open.Add(view, maxViews);
        }
    }

    /// <summary>The group new views join now.</summary>
    public ViewGroup Open
    {
        get { lock (_lock) return _open; }
    }

    /// <summary>Views in the open group.</summary>
    public int Pending
    {
        get { lock (_lock) return _open.Views.Count; }
    }

    /// <summary>Takes the open group for publishing; later views join a fresh one.</summary>
    public ViewGroup Take()
    {
        lock (_lock)
        {
            var taken = _open;
            _open = new ViewGroup();
            return taken;
        }
    }

    /// <summary>Takes the last group and refuses any view after it (the node is stopping).</summary>
    public ViewGroup Close()
    {
        lock (_lock)
        {
            _closed = true;
            var taken = _open;
            _open = new ViewGroup();
            return taken;
        }
    }
}

/// <summary>Views committed together: one batch, one publisher confirm, one answer for all their beacons.</summary>
public sealed class ViewGroup
{
    readonly List<AcceptedView> _views = [];
    readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly TaskCompletionSource<bool> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Only read once the group has been taken from the buffer (no view is added after that).</summary>
    public IReadOnlyList<AcceptedView> Views => _views;

    /// <summary>Completes when the first view joins.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes when the group reaches the largest batch size.</summary>
    public Task Full => _full.Task;

    internal Task<bool> Add(AcceptedView view, int maxViews)
    {
        _views.Add(view);
        if (_views.Count == 1) _started.TrySetResult();
        if (_views.Count >= maxViews) _full.TrySetResult();
        return _committed.Task;
    }

    /// <summary>Answers every beacon of the group: confirmed by the broker, or not.</summary>
    public void Complete(bool confirmed) => _committed.TrySetResult(confirmed);
}
