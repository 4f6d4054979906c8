using System.Threading.Channels;
using Marten;
using MassTransit;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Telemetry;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ReaderFeed.Rebuild;

/// <summary>Runs requested rebuilds one at a time in the background and records each run's outcome.</summary>
public sealed class RebuildWorker(IDocumentStore store, ReadModelRebuilder rebuilder, IBus bus, TimeProvider time, ILogger<RebuildWorker> logger)
    : BackgroundService
{
    readonly Channel<Guid> _requests = Channel.CreateUnbounded<Guid>();

    public async Task<RebuildRun> RequestAsync(string? requestedBy, CancellationToken cancellationToken)
    {
        var run = new RebuildRun { Id = Guid.NewGuid(), State = RunState.Queued, RequestedBy = requestedBy, RequestedAt = time.GetUtcNow() };
        await SaveAsync(run, cancellationToken);
        await _requests.Writer.WriteAsync(run.Id, cancellationToken);
        return run;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            await using var session = store.QuerySession();
            var run = await session.LoadAsync<RebuildRun>(id, stoppingToken) ?? throw new InvalidOperationException($"Rebuild {id} vanished.");
            run = run with { State = RunState.Running, StartedAt = time.GetUtcNow() };
            await SaveAsync(run, stoppingToken);
            using var activity = NewsPlatformTelemetry.Source.StartActivity("readerfeed rebuild");
            try
            {
                var result = await rebuilder.RebuildAsync(stoppingToken);
                run = run with
                {
                    State = RunState.Succeeded,
                    FinishedAt = time.GetUtcNow(),
                    Events = result.Events,
                    Articles = result.Articles,
                    Media = result.Media,
                    TrendingLists = result.TrendingLists,
                    SearchRowsRebuilt = result.SearchRowsRebuilt,
                    ElapsedMilliseconds = result.Elapsed.TotalMilliseconds,
                    ReadMilliseconds = result.Read.TotalMilliseconds,
                    WriteMilliseconds = result.Write.TotalMilliseconds,
                    DocumentsMilliseconds = result.Documents.TotalMilliseconds,
                    SearchMilliseconds = result.Search.TotalMilliseconds,
                    EventsPerSecond = Math.Round(result.EventsPerSecond),
                };
                ReaderFeedTelemetry.RebuildDuration.Record(result.Elapsed.TotalSeconds);
                ReaderFeedTelemetry.RebuildEvents.Add(result.Events);
                logger.LogInformation("Rebuilt read models from {Events} events in {Elapsed} ms ({Rate:0} events/s)",
                    result.Events, result.Elapsed.TotalMilliseconds, result.EventsPerSecond);
                await TellCachesAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Rebuild {RebuildId} failed", id);
                run = run with { State = RunState.Failed, FinishedAt = time.GetUtcNow(), Error = ex.Message };
            }
            await SaveAsync(run, stoppingToken);
        }
    }

    /// <summary>The rebuilt pages are committed: caches in front may drop theirs. Best effort — they expire anyway.</summary>
    async Task TellCachesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReaderPagesChanged.PublishAsync(bus, ReaderPagesChanged.OfRebuild(time), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Could not tell the gateway's cache about the rebuild; its pages expire on their own");
        }
    }

    async Task SaveAsync(RebuildRun run, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Store(run);
        await session.SaveChangesAsync(cancellationToken);
    }
}
