using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Hosting;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>Runs the replays asked for through the admin API, one at a time, in the background of this instance.</summary>
public sealed class ReplayWorker(ReplayRunner runner, IDocumentStore store) : BackgroundService
{
    readonly Channel<Guid> _requests = Channel.CreateUnbounded<Guid>();

    public ValueTask EnqueueAsync(ReplayRun run, CancellationToken cancellationToken) =>
        _requests.Writer.WriteAsync(run.Id, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            await using var session = store.QuerySession();
            if (await session.LoadAsync<ReplayRun>(id, stoppingToken) is { State: RunState.Queued } run)
                await runner.RunAsync(run, progress: null, stoppingToken);
        }
    }
}
