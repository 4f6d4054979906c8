using Marten;
using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>Every ReaderFeed consumer: idempotent by message id, then logged and folded by <see cref="ReadModelWriter"/>.</summary>
public abstract class ReaderFeedConsumer<TMessage>(IDocumentStore store, ReadModelWriter writer) : IdempotentConsumer<TMessage>(store)
    where TMessage : class, IIntegrationEvent
{
    protected override Task Apply(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context) =>
        writer.RecordAsync(session, message, context.CancellationToken);
}

public sealed class ArticlePublishedConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<ArticlePublishedV1>(store, writer);
public sealed class ArticleRevisedConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<ArticleRevisedV1>(store, writer);
public sealed class ArticleCorrectedConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<ArticleCorrectedV1>(store, writer);
public sealed class ArticleSlugChangedConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<ArticleSlugChangedV1>(store, writer);
public sealed class ArticleUnpublishedConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<ArticleUnpublishedV1>(store, writer);
public sealed class MediaAssetReadyConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<MediaAssetReadyV1>(store, writer);
public sealed class MediaAssetUpdatedConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<MediaAssetUpdatedV1>(store, writer);
public sealed class MediaAssetRetiredConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<MediaAssetRetiredV1>(store, writer);
public sealed class TrendingChangedConsumer(IDocumentStore store, ReadModelWriter writer) : ReaderFeedConsumer<TrendingChangedV1>(store, writer);
