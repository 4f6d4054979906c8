using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;

namespace NewsPlatform.Trending.Catalog;

/// <summary>
/// What Trending keeps of an article event: whether the article is live, where it lives, what it is
/// called. <see cref="Version"/> orders changes of one article; an older one never overwrites a newer.
/// </summary>
public sealed record CatalogChange(
    Guid ArticleId, long Version, DateTimeOffset OccurredAt, bool Live,
    string Section, string Slug, string Headline, DateTimeOffset? PublishedAt)
{
    /// <summary>The reader-facing path of the article, <c>/{section}/{slug}</c> as ReaderFeed serves it.</summary>
    public string Url => $"/{Section}/{Slug}";

    public static CatalogChange LiveFrom(IStreamIntegrationEvent e, PublicArticle article) => new(
        article.ArticleId, e.StreamVersion, e.OccurredAt, true,
        SectionSlug(article.Section), article.Slug, article.Headline, article.PublishedAt);

    public static CatalogChange GoneFrom(ArticleUnpublishedV1 e) => new(
        e.ArticleId, e.StreamVersion, e.OccurredAt, false, SectionSlug(e.Section), e.Slug, "", null);

    /// <summary><c>PublicArticle.Section</c> is the section's slug ("news"); lower-cased in case a producer is lax.</summary>
    public static string SectionSlug(string section) => section.Trim().ToLowerInvariant();
}
