using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ReaderFeed.Rebuild;

/// <summary>One requested rebuild and how it went; stored so any instance can report on it.</summary>
public sealed record RebuildRun : AdminRun
{
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
}
