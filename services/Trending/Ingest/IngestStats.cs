using System.Diagnostics.Metrics;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// Why a beacon did not count. Each is a <c>reason</c> tag on <c>newsplatform.trending.views_ignored</c>.
/// <see cref="Repeat"/> is found by the node that took the beacon; <see cref="RepeatOnAnotherNode"/> by the
/// scorer, when the reader's earlier view reached another node.
/// </summary>
public enum IgnoredReason { Bot, UnknownArticle, NotPublished, Repeat, RepeatOnAnotherNode }

/// <summary>This node's ingest counters: OpenTelemetry metrics, and the same totals for <c>GET /api/trending/stats</c>.</summary>
public sealed class IngestStats
{
    static readonly Counter<long> Accepted = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_accepted", description: "Views answered 202 after the broker confirmed their batch");
    static readonly Counter<long> Ignored = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_ignored", description: "Beacons answered 202 but not counted, by reason");
    static readonly Counter<long> Published = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_published", description: "Views handed to RabbitMQ in confirmed batches");
    static readonly Counter<long> PublishFailures = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.batch_publish_failures", description: "Batches the broker did not confirm in time (their beacons got 503)");
    static readonly Counter<long> Refused = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_refused", description: "Beacons answered 503: the broker did not confirm their batch in time, or the node was stopping");
    static readonly Counter<long> Scored = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_scored", description: "Views folded into the decayed scores by this node's scorer");

    long _accepted, _published, _batches, _failures, _refused, _scored;
    readonly long[] _ignored = new long[Enum.GetValues<IgnoredReason>().Length];

    public void CountAccepted()
    {
        Interlocked.Increment(ref _accepted);
        Accepted.Add(1);
    }

    public void CountIgnored(IgnoredReason reason)
    {
        Interlocked.Increment(ref _ignored[(int)reason]);
        Ignored.Add(1, new KeyValuePair<string, object?>("reason", Tag(reason)));
    }

    public void CountPublished(long views)
    {
        Interlocked.Add(ref _published, views);
        Interlocked.Increment(ref _batches);
        Published.Add(views);
    }

    public void CountPublishFailure()
    {
        Interlocked.Increment(ref _failures);
        PublishFailures.Add(1);
    }

    public void CountRefused()
    {
        Interlocked.Increment(ref _refused);
        Refused.Add(1);
    }

    /// <summary>After the scoring transaction committed: views counted, and views the repeat check found.</summary>
    public void CountScored(long views, long repeats)
    {
        Interlocked.Add(ref _scored, views);
        Scored.Add(views);
        if (repeats == 0) return;
        Interlocked.Add(ref _ignored[(int)IgnoredReason.RepeatOnAnotherNode], repeats);
        Ignored.Add(repeats, new KeyValuePair<string, object?>("reason", Tag(IgnoredReason.RepeatOnAnotherNode)));
    }

    public long AcceptedTotal => Interlocked.Read(ref _accepted);
    public long PublishedTotal => Interlocked.Read(ref _published);
    public long BatchesPublished => Interlocked.Read(ref _batches);
    public long PublishFailuresTotal => Interlocked.Read(ref _failures);
    public long RefusedTotal => Interlocked.Read(ref _refused);
    public long ScoredTotal => Interlocked.Read(ref _scored);

    public IReadOnlyDictionary<string, long> IgnoredTotals =>
        Enum.GetValues<IgnoredReason>().ToDictionary(Tag, r => Interlocked.Read(ref _ignored[(int)r]));

    public static string Tag(IgnoredReason reason) => reason switch
    {
        IgnoredReason.Bot => "bot",
        IgnoredReason.UnknownArticle => "unknown_article",
        IgnoredReason.NotPublished => "not_published",
        IgnoredReason.Repeat => "repeat",
        IgnoredReason.RepeatOnAnotherNode => "repeat_on_another_node",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
