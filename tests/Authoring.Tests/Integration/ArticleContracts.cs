using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>Every contract Authoring publishes, as a subscribing service receives them.</summary>
public static class ArticleContracts
{
    public static void Subscribe(EventRecorder.Subscriptions to) => to
        .To<ArticlePublishedV1>()
        .To<ArticleRevisedV1>()
        .To<ArticleCorrectedV1>()
        .To<ArticleSlugChangedV1>()
        .To<ArticleUnpublishedV1>()
        .To<HeroCreditImportedV1>();
}
