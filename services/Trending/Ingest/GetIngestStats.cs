using NewsPlatform.Trending.Catalog;

namespace NewsPlatform.Trending.Ingest;

/// <summary>This node's ingest totals since it started (operators compare accepted with scored).</summary>
public sealed record IngestStatsResponse(
    string Node, long Accepted, IReadOnlyDictionary<string, long> Ignored, long Published, long BatchesPublished,
    long PublishFailures, long Pending, int LiveArticles, int RememberedReaders);

public static class GetIngestStats
{
    public static IngestStatsResponse Handle(IngestStats stats, ViewBatchPublisher publisher, LiveArticles catalog, RepeatFilter repeats) =>
        new(publisher.Node, stats.AcceptedTotal, stats.IgnoredTotals, stats.PublishedTotal, stats.BatchesPublished,
            stats.PublishFailuresTotal, publisher.PendingViews, catalog.LiveCount, repeats.Count);
}
