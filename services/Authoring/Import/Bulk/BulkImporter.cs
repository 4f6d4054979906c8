using System.Diagnostics;
using System.Diagnostics.Metrics;
using JasperFx;
using Marten;
using Marten.Exceptions;
using NewsPlatform.Authoring.Articles.Import;
using NewsPlatform.Authoring.Import.Parsing;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.Authoring.Import.Bulk;

/// <summary>
/// Imports an archive in chunks. Each chunk is one transaction: its new article streams, their slug claims and
/// the batch's advanced position commit together, so a crash anywhere leaves the batch exactly at the last
/// committed chunk. A chunk that meets a concurrent writer (an editor taking a slug, the same text imported
/// elsewhere at that moment) is redone one article per transaction. Small chunks, one at a time per batch,
/// keep the import's transactions short so interactive requests are not held up behind it.
/// </summary>
public sealed class BulkImporter(ISessionFactory sessions, BulkImportHandler handler, TextImporter single, TimeProvider clock, ILogger<BulkImporter> logger)
{
    public const int DefaultChunkSize = 250;

    private static readonly Counter<long> Articles = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.import.batch.articles", description: "Articles of bulk imports, by outcome (imported, already_imported, failed)");

    public int ChunkSize { get; init; } = DefaultChunkSize;

    /// <summary>Imports the batch's archive from its stored position to the end; returns the batch as last stored.</summary>
    /// <param name="progress">Told the batch after each committed chunk.</param>
    public async Task<ImportBatch> RunAsync(ImportBatch batch, ImportArchive archive, Action<ImportBatch>? progress, CancellationToken ct)
    {
        foreach (var chunk in archive.Items(batch.Position).Chunk(ChunkSize))
        {
            ct.ThrowIfCancellationRequested();
            batch = await ImportChunkAsync(batch, chunk, ct);
            progress?.Invoke(batch);
        }
        if (batch.Position < batch.Total)
            throw new InvalidDataException($"{batch.Source} holds {batch.Position} articles, fewer than the {batch.Total} it held when the batch started.");

        var finished = batch with { FinishedAt = clock.GetUtcNow() };
        await using (var session = sessions.OpenSession())
        {
            session.Store(finished);
            await session.SaveChangesAsync(ct);
        }
        progress?.Invoke(finished);
        return finished;
    }

    private async Task<ImportBatch> ImportChunkAsync(ImportBatch batch, ImportItem[] chunk, CancellationToken ct)
    {
        // Reading the texts is pure CPU work: spread it over the cores while the database is idle for this batch.
        var started = Stopwatch.GetTimestamp();
        var read = chunk.AsParallel().AsOrdered().Select(item => item.Text is null ? null : single.Read(item.Text)).ToArray();
        var reading = Stopwatch.GetElapsedTime(started);
        try
        {
            await using var session = sessions.OpenSession();
            var readable = Enumerable.Range(0, chunk.Length).Where(i => read[i]?.Article is not null).ToList();
            var results = await handler.StageAsync(session, readable.Select(i => read[i]!.Command(batch.Publish)).ToList(), batch.CreatedBy, ct);
            var byItem = readable.Zip(results).ToDictionary(p => p.First, p => p.Second);
            var next = Advance(batch, chunk, read, i => (byItem[i].Outcome, byItem[i].Reason, byItem[i].Errors));
            session.Store(next);
            var staging = Stopwatch.GetElapsedTime(started) - reading;
            await session.SaveChangesAsync(ct);
            // Where an import's time goes: reading the texts, deciding and staging, the commit.
            logger.LogDebug("Import batch {Batch}: {Articles} article(s) at {Position}; read {Read:0} ms, staged {Staged:0} ms, committed {Commit:0} ms",
                batch.Id, chunk.Length, batch.Position, reading.TotalMilliseconds, staging.TotalMilliseconds,
                (Stopwatch.GetElapsedTime(started) - reading - staging).TotalMilliseconds);
            Count(batch, next);
            return next;
        }
        catch (Exception e) when (e is ExistingStreamIdCollisionException or DocumentAlreadyExistsException)
        {
            logger.LogInformation("Import batch {Batch}: a chunk met a concurrent writer ({Reason}); importing it one article at a time", batch.Id, e.Message);
            return await ImportOneByOneAsync(batch, chunk, read, ct);
        }
    }

    private async Task<ImportBatch> ImportOneByOneAsync(ImportBatch batch, ImportItem[] chunk, ReadText?[] read, CancellationToken ct)
    {
        var outcomes = new Dictionary<int, (ImportOutcome, string?, IReadOnlyDictionary<string, string[]>?)>();
        for (var i = 0; i < chunk.Length; i++)
        {
            if (read[i]?.Article is null) continue;
            var result = await single.ImportAsync(chunk[i].Text!, batch.Publish, batch.CreatedBy, ct);
            outcomes[i] = result.Outcome switch
            {
                TextImportOutcome.Created => (ImportOutcome.Created, null, null),
                TextImportOutcome.AlreadyImported => (ImportOutcome.AlreadyExisted, null, null),
                _ => (ImportOutcome.Refused, result.Reason, result.Errors),
            };
        }
        // The articles are in; a crash before this commit only makes the resumed batch find them already imported.
        var next = Advance(batch, chunk, read, i => outcomes[i]);
        await using var session = sessions.OpenSession();
        session.Store(next);
        await session.SaveChangesAsync(ct);
        Count(batch, next);
        return next;
    }

    private static ImportBatch Advance(
        ImportBatch batch, ImportItem[] chunk, ReadText?[] read,
        Func<int, (ImportOutcome Outcome, string? Reason, IReadOnlyDictionary<string, string[]>? Errors)> outcomeOf)
    {
        var (imported, already) = (0, 0);
        var failures = new List<ImportFailure>();
        for (var i = 0; i < chunk.Length; i++)
        {
            var item = chunk[i];
            if (item.Problem is not null || read[i] is null)
            {
                failures.Add(new(item.File, item.Line, item.Problem ?? "no text"));
                continue;
            }
            if (read[i]!.Error is { } error)
            {
                failures.Add(Unreadable(item, error));
                continue;
            }
            var (outcome, reason, errors) = outcomeOf(i);
            switch (outcome)
            {
                case ImportOutcome.Created: imported++; break;
                case ImportOutcome.AlreadyExisted: already++; break;
                default: failures.Add(Refused(item, read[i]!.Article!, reason, errors)); break;
            }
        }
        return batch with
        {
            Position = batch.Position + chunk.Length,
            Imported = batch.Imported + imported,
            AlreadyImported = batch.AlreadyImported + already,
            Failed = batch.Failed + failures.Count,
            Failures = failures.Count == 0 ? batch.Failures : [.. batch.Failures, .. failures],
        };
    }

    // A text file's error names its own line; an NDJSON article's names the line of the file and the field.
    private static ImportFailure Unreadable(ImportItem item, SeedParseError error) => item.Json
        ? new(item.File, item.Line, $"{NdjsonArticle.FieldOf(error.Line, item.Text!.Contains("\nPhoto: ", StringComparison.Ordinal))}: expected {error.Expected}; found {error.Found}.")
        : new(item.File, error.Line, $"expected {error.Expected}; found {error.Found}.");

    private static ImportFailure Refused(ImportItem item, ParsedArticle article, string? reason, IReadOnlyDictionary<string, string[]>? errors)
    {
        var first = errors?.FirstOrDefault();
        var message = errors is { Count: > 0 } ? string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))) : reason ?? "refused";
        var line = item.Json || first is null ? item.Line : TextImporter.LineOf(first.Value.Key, article.Lines) ?? item.Line;
        return new(item.File, line, message);
    }

    private static void Count(ImportBatch before, ImportBatch after)
    {
        Articles.Add(after.Imported - before.Imported, new KeyValuePair<string, object?>("outcome", "imported"));
        Articles.Add(after.AlreadyImported - before.AlreadyImported, new KeyValuePair<string, object?>("outcome", "already_imported"));
        Articles.Add(after.Failed - before.Failed, new KeyValuePair<string, object?>("outcome", "failed"));
    }
}
