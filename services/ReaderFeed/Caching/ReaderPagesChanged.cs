using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.ReaderFeed;
using NewsPlatform.Contracts.Trending;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>
/// Tells caches in front of ReaderFeed (the gateway) that reader pages changed, once the change is committed.
/// Trending Now is left out on purpose: it changes up to once a second, and purging on every change would leave
/// the gateway's cache nearly always empty; the Trending Now box may lag by the gateway's cache duration.
/// </summary>
public static class ReaderPagesChanged
{
    public static bool Affects(IIntegrationEvent message) => message is not TrendingChangedV1;

    public static ReaderPagesChangedV1 Of(IIntegrationEvent message, TimeProvider time) => new(
        Guid.NewGuid(), time.GetUtcNow(), message.GetType().Name, (message as IStreamIntegrationEvent)?.StreamId);

    public static ReaderPagesChangedV1 OfRebuild(TimeProvider time) => new(Guid.NewGuid(), time.GetUtcNow(), "Rebuild", null);

    public static Task PublishAsync(IPublishEndpoint endpoint, ReaderPagesChangedV1 notice, CancellationToken cancellationToken) =>
        endpoint.Publish(notice, context => context.MessageId = notice.EventId, cancellationToken);
}
