using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NewsPlatform.Media.Assets;

/// <summary>
/// Keeps the MediaAsset document up to date in the same transaction as each event (inline), so
/// reads and optimistic writes see the stream's current version. The folding itself is
/// <see cref="MediaAsset"/>'s own.
/// </summary>
public partial class MediaAssetProjection : SingleStreamProjection<MediaAsset, Guid>
{
    public MediaAsset Create(IEvent<MediaUploaded> e) => MediaAsset.Create(e.Data, e.Timestamp) with { Version = e.Version };

    public MediaAsset Create(IEvent<CreditOnlyMediaRecorded> e) => MediaAsset.Create(e.Data, e.Timestamp) with { Version = e.Version };

    public MediaAsset Apply(IEvent<MediaMetadataEdited> e, MediaAsset current) => current.Apply(e.Data, e.Timestamp) with { Version = e.Version };

    public MediaAsset Apply(IEvent<RenditionsReady> e, MediaAsset current) => current.Apply(e.Data, e.Timestamp) with { Version = e.Version };

    public MediaAsset Apply(IEvent<MediaRetired> e, MediaAsset current) => current.Apply(e.Data, e.Timestamp) with { Version = e.Version };
}
