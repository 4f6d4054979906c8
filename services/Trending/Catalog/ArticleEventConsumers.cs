using Marten;
using MassTransit;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Trending.Catalog;

// One consumer per article event (one queue each); all of them reduce to a CatalogChange.

public sealed class ArticlePublishedConsumer(IDocumentStore store) : IdempotentConsumer<ArticlePublishedV1>(store)
{
    protected override Task Apply(ArticlePublishedV1 m, IDocumentSession session, ConsumeContext<ArticlePublishedV1> context)
    {
        CatalogWriter.Stage(session, CatalogChange.LiveFrom(m, m.Article));
        return Task.CompletedTask;
    }
}

public sealed class ArticleRevisedConsumer(IDocumentStore store) : IdempotentConsumer<ArticleRevisedV1>(store)
{
    protected override Task Apply(ArticleRevisedV1 m, IDocumentSession session, ConsumeContext<ArticleRevisedV1> context)
    {
        CatalogWriter.Stage(session, CatalogChange.LiveFrom(m, m.Article));
        return Task.CompletedTask;
    }
}

public sealed class ArticleCorrectedConsumer(IDocumentStore store) : IdempotentConsumer<ArticleCorrectedV1>(store)
{
    protected override Task Apply(ArticleCorrectedV1 m, IDocumentSession session, ConsumeContext<ArticleCorrectedV1> context)
    {
        CatalogWriter.Stage(session, CatalogChange.LiveFrom(m, m.Article));
        return Task.CompletedTask;
    }
}

public sealed class ArticleSlugChangedConsumer(IDocumentStore store) : IdempotentConsumer<ArticleSlugChangedV1>(store)
{
    protected override Task Apply(ArticleSlugChangedV1 m, IDocumentSession session, ConsumeContext<ArticleSlugChangedV1> context)
    {
        CatalogWriter.Stage(session, CatalogChange.LiveFrom(m, m.Article));
        return Task.CompletedTask;
    }
}

public sealed class ArticleUnpublishedConsumer(IDocumentStore store) : IdempotentConsumer<ArticleUnpublishedV1>(store)
{
    protected override Task Apply(ArticleUnpublishedV1 m, IDocumentSession session, ConsumeContext<ArticleUnpublishedV1> context)
    {
        CatalogWriter.Stage(session, CatalogChange.GoneFrom(m));
        return Task.CompletedTask;
    }
}
