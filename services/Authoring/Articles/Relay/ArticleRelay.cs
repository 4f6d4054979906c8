using JasperFx.Events;
using Marten;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ServiceDefaults.Relay;

namespace NewsPlatform.Authoring.Articles.Relay;

/// <summary>
/// Which article events leave Authoring and as what. Each message carries the whole public article
/// as of that event's version (rebuilt from the stream), so a consumer never calls back and a
/// late redelivery still describes its own moment.
/// </summary>
public static class ArticleRelay
{
    public static void Configure(RelayMap map) => map
        .MapAsync<ArticlePublished>(async (e, session, ct) =>
            new ArticlePublishedV1(e.Id, e.StreamId, e.Version, e.Data.At, (await AsOf(session, e, ct)).ToPublic()))
        .MapAsync<ArticleRevised>(async (e, session, ct) =>
            new ArticleRevisedV1(e.Id, e.StreamId, e.Version, e.Data.At, (await AsOf(session, e, ct)).ToPublic(), e.Data.Significant))
        .MapAsync<ArticleCorrected>(async (e, session, ct) =>
            new ArticleCorrectedV1(e.Id, e.StreamId, e.Version, e.Data.At, (await AsOf(session, e, ct)).ToPublic(), e.Data.Note))
        .MapAsync<ArticleSlugChanged>(async (e, session, ct) =>
            // A draft's slug is nobody's business; a live article's old URL must start redirecting.
            await AsOf(session, e, ct) is { Status: ArticleStatus.Published } article
                ? new ArticleSlugChangedV1(e.Id, e.StreamId, e.Version, e.Data.At, article.ToPublic(), e.Data.OldSlug)
                : null)
        .MapAsync<ArticleUnpublished>(async (e, session, ct) =>
        {
            var article = await AsOf(session, e, ct);
            return new ArticleUnpublishedV1(e.Id, e.StreamId, e.Version, e.Data.At, article.Id, Slugs.From(article.Content.Section), article.Slug, e.Data.Reason);
        })
        .Map<HeroCreditImported>(e =>
            new HeroCreditImportedV1(e.Id, e.StreamId, e.Version, e.Data.At, e.Data.MediaId, e.Data.Credit, e.Data.Caption));

    static async Task<Article> AsOf(IQuerySession session, IEvent e, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(e.StreamId, e.Version, token: ct);
        return Article.Fold(events.Select(x => x.Data))
               ?? throw new InvalidOperationException($"Article stream {e.StreamId} has no creation event before version {e.Version}.");
    }
}
