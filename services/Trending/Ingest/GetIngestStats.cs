using NewsPlatform.Trending.Catalog;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// This node's totals since it started: beacons it took (accepted = answered 202, refused = answered 503) and
/// views its scorer applied (from any node's batches). With one node, accepted = scored + repeat_on_another_node.
/// </summary>
public sealed record IngestStatsResponse(
    string Node, long Accepted, IReadOnlyDictionary<string, long> Ignored, long Published, long BatchesPublished,
    long PublishFailures, long Refused, long Pending, long Scored, int LiveArticles, int RememberedReaders);

public static class GetIngestStats
{
    public static IngestStatsResponse Handle(IngestStats stats, ViewBatchPublisher publisher, LiveArticles catalog, RepeatFilter repeats) =>
        new(publisher.Node, stats.AcceptedTotal, stats.IgnoredTotals, stats.PublishedTotal, stats.BatchesPublished,
            stats.PublishFailuresTotal, stats.RefusedTotal, publisher.PendingViews, stats.ScoredTotal, catalog.LiveCount, repeats.Count);
}
