using JasperFx.Events;
using Marten;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Media.Assets;
using NewsPlatform.ServiceDefaults.Relay;

namespace NewsPlatform.Media.Renditions;

/// <summary>
/// Which MediaAsset events leave the service, and as what. Every public message carries the whole
/// asset as it was at that event's version, so a consumer never has to call back.
/// </summary>
public static class MediaRelay
{
    public static void Configure(RelayMap map) => map
        .Map<MediaUploaded>(e => new RenditionsRequested(e.Id, e.StreamId, e.Data.Sha256))
        .MapAsync<RenditionsReady>(async (e, session, ct) =>
            new MediaAssetReadyV1(e.Id, e.StreamId, e.Version, e.Timestamp, await AssetAt(e, session, ct)))
        .MapAsync<CreditOnlyMediaRecorded>(async (e, session, ct) =>
            new MediaAssetReadyV1(e.Id, e.StreamId, e.Version, e.Timestamp, await AssetAt(e, session, ct)))
        .MapAsync<MediaMetadataEdited>(async (e, session, ct) =>
            new MediaAssetUpdatedV1(e.Id, e.StreamId, e.Version, e.Timestamp, await AssetAt(e, session, ct)))
        .Map<MediaRetired>(e => new MediaAssetRetiredV1(e.Id, e.StreamId, e.Version, e.Timestamp, e.StreamId));

    static async Task<PublicMediaAsset> AssetAt(IEvent e, IQuerySession session, CancellationToken ct)
    {
        var asset = await session.Events.AggregateStreamAsync<MediaAsset>(e.StreamId, e.Version, token: ct)
            ?? throw new InvalidOperationException($"MediaAsset {e.StreamId} has no state at version {e.Version}.");
        return asset.ToPublic();
    }
}
