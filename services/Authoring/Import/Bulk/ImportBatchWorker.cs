using System.Threading.Channels;
using Marten;

namespace NewsPlatform.Authoring.Import.Bulk;

/// <summary>
/// Runs the uploaded import batches of this instance, one at a time, in the background: new ones as they are
/// accepted, and on start every batch left running by a crash or a restart, from its stored position.
/// One batch at a time, in short chunk transactions, keeps the import from crowding out readers and editors.
/// </summary>
public sealed class ImportBatchWorker(IServiceProvider services, ImportBatchQueue queue, ILogger<ImportBatchWorker> logger) : BackgroundService
{
    private const int Attempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // start-up goes on; the schema is in place (the backbone applies it first)
        try
        {
            await ResumeUnfinishedAsync(stoppingToken);
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
                await RunWithRetriesAsync(id, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ResumeUnfinishedAsync(CancellationToken ct)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        var running = await session.Query<ImportBatch>().Where(b => b.FinishedAt == null).OrderBy(b => b.CreatedAt).ToListAsync(ct);
        // Another instance's uploads are kept on its own disk; it resumes those itself.
        foreach (var batch in running.Where(b => b.StoredArchive is { } path && File.Exists(path)))
        {
            logger.LogInformation("Import batch {Batch} ({Source}): resuming at {Position} of {Total}", batch.Id, batch.Source, batch.Position, batch.Total);
            queue.Enqueue(batch.Id);
        }
    }

    // The database may be away for a moment (a failover, a restart); every chunk is safe to repeat.
    private async Task RunWithRetriesAsync(Guid id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunAsync(id, ct);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < Attempts)
            {
                logger.LogWarning(e, "Import batch {Batch} stopped (attempt {Attempt} of {Attempts}); going on from its stored position", id, attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import batch {Batch} stopped after {Attempts} attempts; it resumes on the next start", id, Attempts);
                return;
            }
        }
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        ImportBatch? batch;
        await using (var session = services.GetRequiredService<IDocumentStore>().QuerySession())
            batch = await session.LoadAsync<ImportBatch>(id, ct);
        if (batch is not { FinishedAt: null, StoredArchive: { } path }) return;

        var finished = await services.GetRequiredService<BulkImporter>().RunAsync(batch, new ImportArchive(path, batch.Format) { Name = batch.Source }, null, ct);
        logger.LogInformation("Import batch {Batch} ({Source}) completed: {Imported} imported, {Already} already imported, {Failed} failed",
            id, finished.Source, finished.Imported, finished.AlreadyImported, finished.Failed);
        File.Delete(path);
    }
}

/// <summary>The batches waiting for <see cref="ImportBatchWorker"/>.</summary>
public sealed class ImportBatchQueue
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>();

    public ChannelReader<Guid> Reader => _channel.Reader;

    public void Enqueue(Guid batchId) => _channel.Writer.TryWrite(batchId);
}
