using Marten;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ReaderFeed.Trending;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// The live path: appends a received event to its log stream and folds it into the stored read model,
/// all staged on the consumer's session so the log, the read model, the search index, the
/// processed-message row and the change notification commit together.
/// </summary>
public sealed class ReadModelWriter(SearchIndex search)
{
    public async Task RecordAsync(IDocumentSession session, IIntegrationEvent message, CancellationToken cancellationToken)
    {
        var streamId = EventLogStreams.StreamOf(message);
        await ReadModelGate.EnterAsync(session, streamId, cancellationToken);
        session.Events.Append(streamId, message);

        switch (message)
        {
            case TrendingChangedV1 trending:
                var scope = TrendingFold.ScopeOf(trending);
                session.Store(TrendingFold.Apply(await session.LoadAsync<TrendingView>(scope, cancellationToken), trending));
                break;
            case IStreamIntegrationEvent e when ArticleFold.Handles(e):
                var article = ArticleFold.Apply(await session.LoadAsync<ArticleView>(ArticleFold.IdOf(e), cancellationToken), e);
                session.Store(article);
                search.Stage(session, article);
                break;
            case IStreamIntegrationEvent e when MediaFold.Handles(e):
                session.Store(MediaFold.Apply(await session.LoadAsync<MediaView>(MediaFold.IdOf(e), cancellationToken), e));
                break;
        }
        ReadModelChanges.Stage(session);
    }
}
