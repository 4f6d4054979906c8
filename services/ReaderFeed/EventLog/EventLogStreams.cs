using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Trending;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// The event log of this service: every integration event received, appended to a Marten stream
/// per article, per photo and per trending scope (schema <c>readerfeed</c>). Read models are a fold
/// over it, so it is what a rebuild replays.
/// </summary>
public static class EventLogStreams
{
    public static readonly Type[] EventTypes =
    [
        typeof(Contracts.Articles.ArticlePublishedV1), typeof(Contracts.Articles.ArticleRevisedV1),
        typeof(Contracts.Articles.ArticleCorrectedV1), typeof(Contracts.Articles.ArticleSlugChangedV1),
        typeof(Contracts.Articles.ArticleUnpublishedV1),
        typeof(Contracts.Media.MediaAssetReadyV1), typeof(Contracts.Media.MediaAssetUpdatedV1),
        typeof(Contracts.Media.MediaAssetRetiredV1),
        typeof(TrendingChangedV1),
    ];

    public static Guid StreamOf(object message) => message switch
    {
        TrendingChangedV1 t => TrendingFold.StreamIdOf(TrendingFold.ScopeOf(t)),
        IStreamIntegrationEvent e when ArticleFold.Handles(e) => ArticleFold.IdOf(e),
        IStreamIntegrationEvent e when MediaFold.Handles(e) => MediaFold.IdOf(e),
        _ => throw new ArgumentException($"{message.GetType().Name} is not an event ReaderFeed keeps.", nameof(message)),
    };
}
