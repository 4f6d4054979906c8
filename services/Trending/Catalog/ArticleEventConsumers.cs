using Marten;
using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Trending.Catalog;

/// <summary>
/// Every catalog consumer: idempotent by message id, then the article event reduced to a <see cref="CatalogChange"/>
/// and staged by <see cref="CatalogWriter"/>. One class per event so that each has its own queue.
/// </summary>
public abstract class CatalogConsumer<TMessage>(IDocumentStore store, Func<TMessage, CatalogChange> change) : IdempotentConsumer<TMessage>(store)
    where TMessage : class, IIntegrationEvent
{
    protected override Task Apply(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context)
    {
        CatalogWriter.Stage(session, change(message));
        return Task.CompletedTask;
    }
}

public sealed class ArticlePublishedConsumer(IDocumentStore store) : CatalogConsumer<ArticlePublishedV1>(store, m => CatalogChange.LiveFrom(m, m.Article));
public sealed class ArticleRevisedConsumer(IDocumentStore store) : CatalogConsumer<ArticleRevisedV1>(store, m => CatalogChange.LiveFrom(m, m.Article));
public sealed class ArticleCorrectedConsumer(IDocumentStore store) : CatalogConsumer<ArticleCorrectedV1>(store, m => CatalogChange.LiveFrom(m, m.Article));
public sealed class ArticleSlugChangedConsumer(IDocumentStore store) : CatalogConsumer<ArticleSlugChangedV1>(store, m => CatalogChange.LiveFrom(m, m.Article));
public sealed class ArticleUnpublishedConsumer(IDocumentStore store) : CatalogConsumer<ArticleUnpublishedV1>(store, CatalogChange.GoneFrom);
