using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NewsPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Work a node repeats every <see cref="Period"/> (housekeeping, refreshing what it keeps in memory). A round that
/// fails on the database is logged and tried again next period; it never stops the loop or the node.
/// </summary>
public abstract class PeriodicWork(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Period { get; }

    /// <summary>What the node goes on doing when a round fails, for the log ("keeping the last known catalog").</summary>
    protected abstract string WhenFailed { get; }

    /// <summary>
    /// True when the node cannot serve without one round done: it runs before the host starts (hosted services
    /// start before Kestrel), and a failure there stops start-up.
    /// </summary>
    protected virtual bool RunBeforeStart => false;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (RunBeforeStart) await RunOnceAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or TimeoutException)
            {
                logger.LogWarning(ex, "{Work} failed; {WhenFailed}, trying again in {Period}", GetType().Name, WhenFailed, Period);
            }
        }
    }
}
