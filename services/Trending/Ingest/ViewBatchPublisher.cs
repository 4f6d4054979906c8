using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Options;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// Publishes the group commit: a group becomes one <see cref="ViewBatch"/> when it holds
/// <see cref="TrendingOptions.MaxBatchViews"/> views or <see cref="TrendingOptions.FlushInterval"/> after its
/// first view, published with a publisher confirm while the next group fills (up to
/// <see cref="TrendingOptions.MaxBatchesInFlight"/> at once).
/// <para>What a 202 guarantees: the broker confirmed the batch holding the view (a durable message on a
/// durable queue), so a crash of this node (kill -9, OOM) loses nothing it answered 202 for. Without a
/// confirm within <see cref="TrendingOptions.PublishTimeout"/> every beacon of the batch is answered 503
/// (not accepted). Such a batch may still reach the broker late and count; a retried beacon is then the same
/// reader on the same article, which the scorer's repeat check counts once. A graceful stop (SIGTERM,
/// rolling update) publishes the open group after Kestrel stops taking beacons and awaits every confirm
/// before the bus stops.</para>
/// </summary>
public sealed class ViewBatchPublisher(
    ViewBuffer buffer, IBus bus, IngestStats stats, TimeProvider clock, IHostApplicationLifetime lifetime,
    IOptions<TrendingOptions> options, ILogger<ViewBatchPublisher> logger) : BackgroundService
{
    readonly SemaphoreSlim _slots = new(options.Value.MaxBatchesInFlight);
    readonly ConcurrentDictionary<ViewGroup, Task> _inFlight = new();
    long _publishing;

    /// <summary>Names this node in its batches and stats (several may run on one machine).</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Views whose beacons are waiting for their batch's confirm (in the open group or being published).</summary>
    public long PendingViews => buffer.Pending + Interlocked.Read(ref _publishing);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FlushInterval;
        // Once the node is asked to stop, beacons still being answered wait for no interval: Kestrel drains them first.
        using var hurry = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var group = buffer.Open;
                await group.Started.WaitAsync(stoppingToken);
                await Task.WhenAny(group.Full, Task.Delay(interval, hurry.Token));
                await _slots.WaitAsync(stoppingToken);
                Start(buffer.Take());
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Stopping: Kestrel has stopped taking beacons; publish what joined last and await every confirm.
        var last = buffer.Close();
        if (last.Views.Count > 0)
        {
            await _slots.WaitAsync(CancellationToken.None);
            Start(last);
        }
        await Task.WhenAll(_inFlight.Values);
    }

    void Start(ViewGroup group)
    {
        _inFlight[group] = PublishAsync(group);
    }

    async Task PublishAsync(ViewGroup group)
    {
        await Task.Yield(); // the loop goes back to collecting the next group at once
        var views = group.Views.Count;
        Interlocked.Add(ref _publishing, views);
        try
        {
            var batch = ViewBatch.From(group.Views, Node, clock.GetUtcNow());
            using var timeout = new CancellationTokenSource(options.Value.PublishTimeout);
            await bus.Publish(batch, context => context.MessageId = batch.BatchId, timeout.Token).WaitAsync(timeout.Token);
            stats.CountPublished(views);
            group.Complete(true);
        }
        catch (Exception ex)
        {
            stats.CountPublishFailure();
            logger.LogWarning(ex, "The broker did not confirm a batch of {Views} view(s) within {Timeout}; its beacons are answered 503",
                views, options.Value.PublishTimeout);
            group.Complete(false);
        }
        finally
        {
            Interlocked.Add(ref _publishing, -views);
            _inFlight.TryRemove(group, out _);
            _slots.Release();
        }
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }
}
