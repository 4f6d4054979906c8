using Marten;
using Microsoft.Extensions.Logging;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Deletes <see cref="ProcessedMessage"/> rows older than the retention (<c>Messaging:ProcessedMessageRetention</c>,
/// default 14 days), once an hour. A redelivery comes within minutes of the first delivery, not weeks, so
/// older proof of processing only grows the table every consumer checks.
/// </summary>
public sealed class ProcessedMessagePruner(IDocumentStore store, TimeSpan retention, TimeProvider clock, ILogger<ProcessedMessagePruner> logger)
    : PeriodicWork(logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);
    protected override string WhenFailed => "the rows stay until the next round";

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PruneAsync(clock.GetUtcNow(), cancellationToken);

    public async Task PruneAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - retention;
        await using var session = store.LightweightSession();
        session.DeleteWhere<ProcessedMessage>(m => m.AppliedAt < cutoff);
        await session.SaveChangesAsync(cancellationToken);
    }
}
