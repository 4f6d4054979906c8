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
        .PreparePage(ArticleHistory.LoadAsync)
        .MapWith<ArticlePublished, ArticleHistory>((e, history) =>
            new ArticlePublishedV1(e.Id, e.StreamId, e.Version, e.Data.At, history.AsOf(e).ToPublic()))
        .MapWith<ArticleRevised, ArticleHistory>((e, history) =>
            new ArticleRevisedV1(e.Id, e.StreamId, e.Version, e.Data.At, history.AsOf(e).ToPublic(), e.Data.Significant))
        .MapWith<ArticleCorrected, ArticleHistory>((e, history) =>
            new ArticleCorrectedV1(e.Id, e.StreamId, e.Version, e.Data.At, history.AsOf(e).ToPublic(), e.Data.Note))
        .MapWith<ArticleSlugChanged, ArticleHistory>((e, history) =>
            // A draft's slug is nobody's business; a live article's old URL must start redirecting.
            history.AsOf(e) is { Status: ArticleStatus.Published } article
                ? new ArticleSlugChangedV1(e.Id, e.StreamId, e.Version, e.Data.At, article.ToPublic(), e.Data.OldSlug)
                : null)
        .MapWith<ArticleUnpublished, ArticleHistory>((e, history) =>
        {
            var article = history.AsOf(e);
            return new ArticleUnpublishedV1(e.Id, e.StreamId, e.Version, e.Data.At, article.Id, Slugs.From(article.Content.Section), article.Slug, e.Data.Reason);
        })
        .Map<HeroCreditImported>(e =>
            new HeroCreditImportedV1(e.Id, e.StreamId, e.Version, e.Data.At, e.Data.MediaId, e.Data.Credit, e.Data.Caption));

    /// <summary>
    /// Every article of a relay page at each of the page's versions: the page's streams are read in one query
    /// (up to the highest version the page needs) and folded forward once, instead of re-reading a stream per event.
    /// </summary>
    sealed class ArticleHistory(Dictionary<(Guid Stream, long Version), Article> states)
    {
        public Article AsOf(IEvent e) =>
            states.TryGetValue((e.StreamId, e.Version), out var article)
                ? article
                : throw new InvalidOperationException($"Article stream {e.StreamId} has no creation event before version {e.Version}.");

        public static async Task<ArticleHistory> LoadAsync(IReadOnlyList<IEvent> page, IQuerySession session, CancellationToken ct)
        {
            var needed = page.Select(e => (e.StreamId, e.Version)).ToHashSet();
            var streams = page.Select(e => e.StreamId).Distinct().ToArray();
            var upTo = page.Max(e => e.Version);
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => streams.Contains(e.StreamId) && e.Version <= upTo)
                .OrderBy(e => e.Sequence)
                .ToListAsync(ct);

            var states = new Dictionary<(Guid, long), Article>(needed.Count);
            var current = new Dictionary<Guid, Article?>(streams.Length);
            foreach (var e in events)
            {
                var state = Article.When(current.GetValueOrDefault(e.StreamId), e.Data);
                current[e.StreamId] = state;
                if (state is not null && needed.Contains((e.StreamId, e.Version))) states[(e.StreamId, e.Version)] = state;
            }
            return new ArticleHistory(states);
        }
    }
}
