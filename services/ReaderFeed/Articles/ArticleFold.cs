using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ReaderFeed.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Articles;

/// <summary>
/// Folds article events into <see cref="ArticleView"/>. The result does not depend on the order or
/// repetition of events: content comes from the highest stream version, paths are a union, times are
/// maxima. So redelivered, reordered and replayed events all give the same read model.
/// </summary>
public static class ArticleFold
{
    public static bool Handles(object message) => message is ArticlePublishedV1 or ArticleRevisedV1
        or ArticleCorrectedV1 or ArticleSlugChangedV1 or ArticleUnpublishedV1;

    public static Guid IdOf(IStreamIntegrationEvent e) => e switch
    {
        ArticleUnpublishedV1 u => u.ArticleId,
        _ => ContentOf(e)?.ArticleId ?? throw NotAnArticleEvent(e),
    };

    public static ArticleView Apply(ArticleView? current, IStreamIntegrationEvent e) => Derive(Accumulate(current, e));

    /// <summary>
    /// Folds one event into the accumulated fields only; <see cref="Derive"/> computes the rest. A rebuild
    /// accumulates a whole stream and derives once, with the same result as <see cref="Apply"/> per event.
    /// </summary>
    public static ArticleView Accumulate(ArticleView? current, IStreamIntegrationEvent e)
    {
        var view = current ?? new ArticleView { Id = IdOf(e) };
        view = e switch
        {
            ArticlePublishedV1 p => WithContent(view, p, p.Article, significantAt: null, oldSlug: null),
            ArticleRevisedV1 r => WithContent(view, r, r.Article, r.Significant ? r.Article.UpdatedAt ?? r.OccurredAt : null, null),
            ArticleCorrectedV1 c => WithContent(view, c, c.Article, c.Article.UpdatedAt ?? c.OccurredAt, null),
            ArticleSlugChangedV1 s => WithContent(view, s, s.Article, null, s.OldSlug),
            ArticleUnpublishedV1 u => WithUnpublished(view, u),
            _ => throw NotAnArticleEvent(e),
        };
        return view.LastChangedAt >= e.OccurredAt ? view : view with { LastChangedAt = e.OccurredAt };
    }

    static ArticleView WithContent(ArticleView view, IStreamIntegrationEvent e, PublicArticle article, DateTimeOffset? significantAt, string? oldSlug)
    {
        var seen = article.PreviousSlugs.Append(article.Slug);
        if (oldSlug is not null) seen = seen.Append(oldSlug);
        var paths = WithPaths(view.Paths, seen.Select(slug => ArticleView.PathOf(article.Section, slug)));

        var newer = IsNewer(e.StreamVersion, e.EventId, view.ContentVersion, view.ContentEventId);
        return view with
        {
            Article = newer ? article : view.Article,
            ContentVersion = newer ? e.StreamVersion : view.ContentVersion,
            ContentEventId = newer ? e.EventId : view.ContentEventId,
            Paths = paths,
            SignificantUpdateAt = significantAt is { } at ? Max(view.SignificantUpdateAt, at) : view.SignificantUpdateAt,
        };
    }

    static ArticleView WithUnpublished(ArticleView view, ArticleUnpublishedV1 u)
    {
        var path = ArticleView.PathOf(u.Section, u.Slug);
        var newer = u.StreamVersion > view.UnpublishedVersion;
        return view with
        {
            Paths = WithPaths(view.Paths, [path]),
            UnpublishedVersion = newer ? u.StreamVersion : view.UnpublishedVersion,
            UnpublishedPath = newer ? path : view.UnpublishedPath,
            UnpublishedReason = newer ? u.Reason : view.UnpublishedReason,
            UnpublishedAt = newer ? u.OccurredAt : view.UnpublishedAt,
        };
    }

    /// <summary>The sorted union; the same list when nothing is new (most events do not rename anything).</summary>
    static IReadOnlyList<string> WithPaths(IReadOnlyList<string> known, IEnumerable<string> seen)
    {
        var added = seen.Where(p => !known.Contains(p)).ToList();
        if (added.Count == 0) return known;
        return known.Concat(added).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public static ArticleView Derive(ArticleView view)
    {
        var live = view.Article is not null && view.ContentVersion > view.UnpublishedVersion;
        var contentPath = view.Article is { } a ? ArticleView.PathOf(a.Section, a.Slug) : null;
        var path = live ? contentPath! : view.UnpublishedPath ?? contentPath ?? "";
        return view with
        {
            Status = live ? ArticleStatus.Live : ArticleStatus.Unpublished,
            Path = path,
            Section = view.Article?.Section ?? path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
            PublishedAt = view.Article?.PublishedAt ?? default,
            AuthorSlugs = view.Article?.Authors.Select(UrlSlug.From).Where(s => s.Length > 0).Distinct().ToList() ?? [],
            PreviousPaths = view.Paths.Where(p => p != path).ToList(),
        };
    }

    /// <summary>Higher version wins; the event id breaks a tie so that no arrival order can change the result.</summary>
    internal static bool IsNewer(long version, Guid eventId, long currentVersion, Guid currentEventId) =>
        version > currentVersion || (version == currentVersion && eventId.CompareTo(currentEventId) > 0);

    static PublicArticle? ContentOf(IStreamIntegrationEvent e) => e switch
    {
        ArticlePublishedV1 p => p.Article,
        ArticleRevisedV1 r => r.Article,
        ArticleCorrectedV1 c => c.Article,
        ArticleSlugChangedV1 s => s.Article,
        _ => null,
    };

    static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;
    static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x >= b ? x : b;

    static ArgumentException NotAnArticleEvent(object e) => new($"{e.GetType().Name} is not an article event.", nameof(e));
}
