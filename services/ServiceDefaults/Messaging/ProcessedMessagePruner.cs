using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Deletes <see cref="ProcessedMessage"/> rows older than the retention (<c>Messaging:ProcessedMessageRetention</c>,
/// default 14 days), once an hour. A redelivery comes within minutes of the first delivery, not weeks, so
/// older proof of processing only grows the table every consumer checks.
/// </summary>
public sealed class ProcessedMessagePruner(IDocumentStore store, TimeSpan retention, ILogger<ProcessedMessagePruner> logger)
    : BackgroundService
{
    static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PruneAsync(DateTimeOffset.UtcNow, stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(ex, "Pruning processed messages failed; trying again in an hour");
            }
        }
    }

    public async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - retention;
        await using var session = store.LightweightSession();
        session.DeleteWhere<ProcessedMessage>(m => m.AppliedAt < cutoff);
        await session.SaveChangesAsync(cancellationToken);
    }
}
