using Marten;
using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// Every ReaderFeed consumer: idempotent by message id, then logged and folded by <see cref="ReadModelWriter"/>;
/// once that has committed, caches in front of ReaderFeed hear that reader pages changed.
/// </summary>
public abstract class ReaderFeedConsumer<TMessage>(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : IdempotentConsumer<TMessage>(store)
    where TMessage : class, IIntegrationEvent
{
    protected override Task Apply(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context) =>
        writer.RecordAsync(session, message, context.CancellationToken);

    protected override Task AfterCommit(TMessage message, ConsumeContext<TMessage> context) =>
        ReaderPagesChanged.Affects(message)
            ? ReaderPagesChanged.PublishAsync(context, ReaderPagesChanged.Of(message, time), context.CancellationToken)
            : Task.CompletedTask;
}

public sealed class ArticlePublishedConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<ArticlePublishedV1>(store, writer, time);
public sealed class ArticleRevisedConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<ArticleRevisedV1>(store, writer, time);
public sealed class ArticleCorrectedConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<ArticleCorrectedV1>(store, writer, time);
public sealed class ArticleSlugChangedConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<ArticleSlugChangedV1>(store, writer, time);
public sealed class ArticleUnpublishedConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<ArticleUnpublishedV1>(store, writer, time);
public sealed class MediaAssetReadyConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<MediaAssetReadyV1>(store, writer, time);
public sealed class MediaAssetUpdatedConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<MediaAssetUpdatedV1>(store, writer, time);
public sealed class MediaAssetRetiredConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<MediaAssetRetiredV1>(store, writer, time);
public sealed class TrendingChangedConsumer(IDocumentStore store, ReadModelWriter writer, TimeProvider time) : ReaderFeedConsumer<TrendingChangedV1>(store, writer, time);
