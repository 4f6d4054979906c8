using NewsPlatform.Contracts.Articles;

namespace NewsPlatform.Trending.Tests.Support;

/// <summary>Article events as Authoring relays them, for feeding Trending's catalog.</summary>
public static class Articles
{
    public static PublicArticle Public(Guid id, string section, string headline, string? slug = null, DateTimeOffset? publishedAt = null) => new(
        id, section, slug ?? Slug(headline), [], headline, "A standfirst.", "A body.", ["Camilla Jessen"], [], null,
        publishedAt ?? DateTimeOffset.Parse("2025-01-14T12:36:00Z"), null, []);

    public static ArticlePublishedV1 Published(PublicArticle article, long version = 1, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), article.ArticleId, version, at ?? article.PublishedAt, article);

    public static ArticleRevisedV1 Revised(PublicArticle article, long version, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), article.ArticleId, version, at ?? article.PublishedAt, article, true);

    public static ArticleSlugChangedV1 SlugChanged(PublicArticle article, string oldSlug, long version, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), article.ArticleId, version, at ?? article.PublishedAt, article, oldSlug);

    public static ArticleUnpublishedV1 Unpublished(PublicArticle article, long version, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), article.ArticleId, version, at ?? article.PublishedAt, article.ArticleId, article.Section, article.Slug, "Legal");

    public static string Slug(string headline) =>
        string.Join('-', headline.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.');

    /// <summary>A section of its own for one test, so lists of different tests never mix.</summary>
    public static string UniqueSection(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..6]}";
}
