using MassTransit;
using Microsoft.Extensions.Options;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// Every <see cref="TrendingOptions.FlushInterval"/>, turns the buffered views into one
/// <see cref="ViewBatch"/> and publishes it with a publisher confirm.
/// <para>What a 202 guarantees: the view is in this node's buffer and will be published within about a
/// second. A batch that fails to publish is kept and retried with the same id (the scorer counts an id
/// once, so a retry after a lost confirm cannot double count). A graceful stop (SIGTERM, rolling update)
/// publishes the rest after Kestrel stops taking beacons and before the bus stops. A crash (kill -9,
/// out of memory) loses at most the views of the last interval and any unconfirmed batches of that node —
/// the price of never touching the broker or the database in the request path.</para>
/// </summary>
public sealed class ViewBatchPublisher(
    ViewBuffer buffer, IBus bus, IngestStats stats, TrendingClock clock,
    IOptions<TrendingOptions> options, ILogger<ViewBatchPublisher> logger) : BackgroundService
{
    static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(20);
    // An hour of batches at one per second; beyond that the broker has been gone too long to keep everything.
    const int MaxUnsentBatches = 3600;

    /// <summary>Names this node in its batches and stats (several may run on one machine).</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Guid.NewGuid().ToString("N")[..8]}";
    readonly Queue<ViewBatch> _unsent = new();
    long _unsentViews;

    /// <summary>Accepted views not yet confirmed by the broker (buffered or awaiting a retry).</summary>
    public long PendingViews => buffer.Pending + Interlocked.Read(ref _unsentViews);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await FlushAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        using var deadline = new CancellationTokenSource(ShutdownBudget);
        await FlushAsync(deadline.Token);
        if (PendingViews > 0)
            logger.LogError("Stopped with {Views} accepted view(s) the broker never confirmed; they are lost", PendingViews);
    }

    async Task FlushAsync(CancellationToken cancellationToken)
    {
        var views = buffer.Drain();
        if (views.Count > 0) Enqueue(new ViewBatch(Guid.NewGuid(), Node, clock.UtcNow, views));

        while (_unsent.TryPeek(out var batch))
        {
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(AttemptTimeout);
                await bus.Publish(batch, context => context.MessageId = batch.BatchId, attempt.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested || ex is not OperationCanceledException)
            {
                stats.CountPublishFailure();
                logger.LogWarning(ex, "Could not publish view batch {BatchId} ({Views} views); {Unsent} batch(es) wait for the broker",
                    batch.BatchId, batch.TotalViews, _unsent.Count);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _unsent.Dequeue();
            Interlocked.Add(ref _unsentViews, -batch.TotalViews);
            stats.CountPublished(batch.TotalViews);
        }
    }

    void Enqueue(ViewBatch batch)
    {
        _unsent.Enqueue(batch);
        Interlocked.Add(ref _unsentViews, batch.TotalViews);
        while (_unsent.Count > MaxUnsentBatches)
        {
            var dropped = _unsent.Dequeue();
            Interlocked.Add(ref _unsentViews, -dropped.TotalViews);
            logger.LogError("Dropped view batch {BatchId} ({Views} views): the broker has been unreachable for over {Count} flushes",
                dropped.BatchId, dropped.TotalViews, MaxUnsentBatches);
        }
    }
}
