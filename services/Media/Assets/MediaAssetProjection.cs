using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NewsPlatform.Media.Assets;

/// <summary>
/// Keeps the MediaAsset document up to date in the same transaction as each event (inline), so
/// reads and optimistic writes see the stream's current version, by the one fold <see cref="MediaAsset.When"/>.
/// </summary>
public sealed class MediaAssetProjection : SingleStreamProjection<MediaAsset, Guid>
{
    public override MediaAsset? Evolve(MediaAsset? snapshot, Guid id, IEvent e) =>
        e.Data is IMediaAssetEvent data && MediaAsset.When(snapshot, data, e.Timestamp) is { } next
            ? next with { Version = e.Version }
            : snapshot;
}
