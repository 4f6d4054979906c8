using System.Diagnostics;
using Marten;
using MassTransit;
using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Storage;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Media.Renditions;

/// <summary>
/// Renders a freshly uploaded photo. The upload only appends <see cref="MediaUploaded"/>; the relay
/// turns it into <see cref="RenditionsRequested"/> and this consumer does the CPU-heavy part.
/// A RabbitMQ consumer rather than a Marten subscription, because the daemon runs subscriptions on
/// one node only (HotCold) and a failing page stalls everything behind it, while a queue spreads the
/// work over every Media instance (competing consumers), retries a failure and parks a poison
/// message in <c>_error</c> without blocking the photos behind it.
/// </summary>
public sealed class ProduceRenditionsConsumer(IDocumentStore store, MediaStorage storage, ILogger<ProduceRenditionsConsumer> logger)
    : IdempotentConsumer<RenditionsRequested>(store)
{
    public const string Worker = "media-renditions";

    protected override async Task Apply(RenditionsRequested message, IDocumentSession session, ConsumeContext<RenditionsRequested> context)
    {
        var ct = context.CancellationToken;
        // Optimistic: if the asset is retired or edited meanwhile, the commit fails and the retry sees the new state.
        var stream = await session.Events.FetchForWriting<MediaAsset>(message.MediaId, ct);
        if (stream.Aggregate is not { Status: MediaStatus.Processing, Sha256: { } sha256 } asset) return;

        var original = await storage.LoadBlobAsync(sha256, ct)
            ?? throw new InvalidOperationException($"The original {sha256} of media {asset.Id} is missing from the blob table.");

        var started = Stopwatch.GetTimestamp();
        var outcome = RenditionRenderer.Render(original);
        var elapsed = Stopwatch.GetElapsedTime(started);
        MediaMetrics.RenderDuration.Record(elapsed.TotalSeconds);

        if (outcome.Failure is { } failure)
        {
            // The bytes passed inspection but their pixels do not decode: no retry can fix that.
            logger.LogWarning("Media {MediaId} cannot be rendered: {Failure}; retiring it", asset.Id, failure);
            stream.AppendMany(MediaAssetDecisions.Retire(asset, $"The photo could not be rendered: {failure}.", Worker).Events.Cast<object>());
            return;
        }

        var stored = outcome.Renditions.Select(r => new StoredRendition(r.Width, r.Height, r.Format, r.Bytes.Length, r.ETag)).ToList();
        var decision = MediaAssetDecisions.CompleteRenditions(asset, stored);
        if (decision.Events.Count == 0) return;
        foreach (var rendition in outcome.Renditions) MediaStorage.StageRendition(session, asset.Id, rendition);
        stream.AppendMany(decision.Events.Cast<object>());
        MediaMetrics.RenditionsProduced.Add(outcome.Renditions.Count);
        logger.LogInformation("Rendered media {MediaId} ({Width}×{Height}): {Count} renditions in {Milliseconds:0} ms",
            asset.Id, asset.Width, asset.Height, outcome.Renditions.Count, elapsed.TotalMilliseconds);
    }
}
