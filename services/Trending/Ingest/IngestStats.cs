using System.Diagnostics.Metrics;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.Trending.Ingest;

/// <summary>Why a beacon did not count. Each is a <c>reason</c> tag on <c>newsplatform.trending.views_ignored</c>.</summary>
public enum IgnoredReason { Bot, UnknownArticle, NotPublished, Repeat }

/// <summary>This node's ingest counters: OpenTelemetry metrics, and the same totals for <c>GET /api/trending/stats</c>.</summary>
public sealed class IngestStats
{
    static readonly Counter<long> Accepted = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_accepted", description: "Views accepted into a batch");
    static readonly Counter<long> Ignored = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_ignored", description: "Beacons answered 202 but not counted, by reason");
    static readonly Counter<long> Published = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.views_published", description: "Views handed to RabbitMQ in confirmed batches");
    static readonly Counter<long> PublishFailures = NewsPlatformTelemetry.Meter.CreateCounter<long>(
        "newsplatform.trending.batch_publish_failures", description: "Batch publications that failed and will be retried");

    long _accepted, _published, _batches, _failures;
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

    public long AcceptedTotal => Interlocked.Read(ref _accepted);
    public long PublishedTotal => Interlocked.Read(ref _published);
    public long BatchesPublished => Interlocked.Read(ref _batches);
    public long PublishFailuresTotal => Interlocked.Read(ref _failures);

    public IReadOnlyDictionary<string, long> IgnoredTotals =>
        Enum.GetValues<IgnoredReason>().ToDictionary(Tag, r => Interlocked.Read(ref _ignored[(int)r]));

    public static string Tag(IgnoredReason reason) => reason switch
    {
        IgnoredReason.Bot => "bot",
        IgnoredReason.UnknownArticle => "unknown_article",
        IgnoredReason.NotPublished => "not_published",
        IgnoredReason.Repeat => "repeat",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
