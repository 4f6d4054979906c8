using Marten;
using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Media.Heroes;

/// <summary>Keeps <see cref="LiveHero"/> current from an article event: which photo, if any, the live article shows.</summary>
public abstract class LiveHeroConsumer<TMessage>(IDocumentStore store, Func<TMessage, Guid?> heroOf) : IdempotentConsumer<TMessage>(store)
    where TMessage : class, IStreamIntegrationEvent
{
    protected override async Task Apply(TMessage message, IDocumentSession session, ConsumeContext<TMessage> context)
    {
        var current = await session.LoadAsync<LiveHero>(message.StreamId, context.CancellationToken);
        var next = LiveHero.Apply(current, message.StreamId, message.StreamVersion, heroOf(message));
        if (next != current) session.Store(next);
    }
}

public sealed class HeroOfPublishedArticle(IDocumentStore store) : LiveHeroConsumer<ArticlePublishedV1>(store, m => m.Article.HeroMediaId);
public sealed class HeroOfRevisedArticle(IDocumentStore store) : LiveHeroConsumer<ArticleRevisedV1>(store, m => m.Article.HeroMediaId);
public sealed class HeroOfCorrectedArticle(IDocumentStore store) : LiveHeroConsumer<ArticleCorrectedV1>(store, m => m.Article.HeroMediaId);
public sealed class HeroOfRenamedArticle(IDocumentStore store) : LiveHeroConsumer<ArticleSlugChangedV1>(store, m => m.Article.HeroMediaId);
public sealed class HeroOfUnpublishedArticle(IDocumentStore store) : LiveHeroConsumer<ArticleUnpublishedV1>(store, _ => null);
