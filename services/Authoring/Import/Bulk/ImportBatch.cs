namespace NewsPlatform.Authoring.Import.Bulk;

/// <summary>A text of a batch that was not imported: the file (and line) it came from and why.</summary>
public sealed record ImportFailure(string File, int Line, string Reason)
{
    /// <summary><c>FILE:LINE: error: REASON</c>, the form compilers and linters print.</summary>
    public override string ToString() => $"{File}:{Line}: error: {Reason}";
}

public enum ImportBatchStatus
{
    /// <summary>Articles remain; the batch goes on (after a restart too).</summary>
    Running,
    /// <summary>Every article was imported, found already imported, or listed as failed.</summary>
    Completed,
}

/// <summary>
/// A bulk import: an archive and how far it has come. Stored in the same transaction as each chunk of new
/// articles, so <see cref="Position"/> never counts an article that was not written nor misses one that was:
/// after a crash the batch goes on from <see cref="Position"/>, with no duplicate and no gap.
/// </summary>
public sealed record ImportBatch
{
    public Guid Id { get; init; }
    /// <summary>What was imported: the archive's name as uploaded, or the path given on the command line.</summary>
    public required string Source { get; init; }
    public ArchiveFormat Format { get; init; }
    /// <summary>Publish under the texts' original times (else drafts).</summary>
    public bool Publish { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    /// <summary>Where the uploaded archive is kept until the batch completes (null for the command line's own files).</summary>
    public string? StoredArchive { get; init; }

    public int Total { get; init; }
    /// <summary>How many of the archive's articles (in its order) have been dealt with.</summary>
    public int Position { get; init; }
    public int Imported { get; init; }
    public int AlreadyImported { get; init; }
    public int Failed { get; init; }
    public IReadOnlyList<ImportFailure> Failures { get; init; } = [];

    public ImportBatchStatus Status => FinishedAt is null ? ImportBatchStatus.Running : ImportBatchStatus.Completed;
    public int Done => Imported + AlreadyImported;
    public int Remaining => Math.Max(0, Total - Position);
}
