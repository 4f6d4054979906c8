using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Media;
using NewsPlatform.ReaderFeed.Articles;

namespace NewsPlatform.ReaderFeed.Media;

/// <summary>Folds media events into <see cref="MediaView"/>; like the article fold, order and repetition do not matter.</summary>
public static class MediaFold
{
    public static bool Handles(object message) => message is MediaAssetReadyV1 or MediaAssetUpdatedV1 or MediaAssetRetiredV1;

    public static Guid IdOf(IStreamIntegrationEvent e) => e switch
    {
        MediaAssetReadyV1 r => r.Asset.MediaId,
        MediaAssetUpdatedV1 u => u.Asset.MediaId,
        MediaAssetRetiredV1 r => r.MediaId,
        _ => throw new ArgumentException($"{e.GetType().Name} is not a media event.", nameof(e)),
    };

    public static MediaView Apply(MediaView? current, IStreamIntegrationEvent e)
    {
        var view = current ?? new MediaView { Id = IdOf(e) };
        view = e switch
        {
            MediaAssetReadyV1 r => WithAsset(view, r, r.Asset),
            MediaAssetUpdatedV1 u => WithAsset(view, u, u.Asset),
            MediaAssetRetiredV1 r => view with { RetiredVersion = Math.Max(view.RetiredVersion, r.StreamVersion) },
            _ => throw new ArgumentException($"{e.GetType().Name} is not a media event.", nameof(e)),
        };
        return view with { LastChangedAt = view.LastChangedAt >= e.OccurredAt ? view.LastChangedAt : e.OccurredAt };
    }

    static MediaView WithAsset(MediaView view, IStreamIntegrationEvent e, PublicMediaAsset asset) =>
        ArticleFold.IsNewer(e.StreamVersion, e.EventId, view.Version, view.VersionEventId)
            ? view with { Asset = asset, Version = e.StreamVersion, VersionEventId = e.EventId }
            : view;
}
