using System.Text.Json.Serialization;

namespace NewsPlatform.ReaderFeed.Rebuild;

[JsonConverter(typeof(JsonStringEnumConverter<RebuildState>))]
public enum RebuildState { Queued, Running, Succeeded, Failed }

/// <summary>One requested rebuild and how it went; stored so any instance can report on it.</summary>
public sealed record RebuildRun
{
    public Guid Id { get; set; }
    public RebuildState State { get; init; }
    public string? RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public long Events { get; init; }
    public int Articles { get; init; }
    public int Media { get; init; }
    public int TrendingLists { get; init; }
    /// <summary>Search rows written: one per live article.</summary>
    public int SearchRowsRebuilt { get; init; }
    /// <summary>The whole rebuild; the figures below overlap it, as chunks are read while earlier ones are written.</summary>
    public double ElapsedMilliseconds { get; init; }
    /// <summary>Reading and folding the log, summed over its chunks.</summary>
    public double ReadMilliseconds { get; init; }
    /// <summary>Writing the chunks' read models and search rows, summed over the chunks.</summary>
    public double WriteMilliseconds { get; init; }
    /// <summary>Of the write: the documents (in bulk) and, at the same time, the search rows.</summary>
    public double DocumentsMilliseconds { get; init; }
    public double SearchMilliseconds { get; init; }
    public double EventsPerSecond { get; init; }
    public string? Error { get; init; }
}
