using NewsPlatform.Contracts.Articles;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Contracts.Trending;

namespace NewsPlatform.ReaderFeed.Tests.Fixtures;

/// <summary>Contracts events shaped like the seed article (seeds/000_8ba6fd79f43e681d.txt) and its photo.</summary>
public static class Seed
{
    public const string Headline = "North Korean Soldiers Ordered to Commit Suicide to Avoid Capture";
    public const string Author = "Camilla Jessen";
    public const string Credit = "Stefan Bruder / Shutterstock.com";
    public static readonly DateTimeOffset PublishedAt = DateTimeOffset.Parse("2025-01-14T12:36:00Z");

    public const string Standfirst =
        "North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk being captured.";

    public const string Body = """
        North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk capture by Ukrainian forces, according to South Korea’s National Intelligence Service (NIS).

        This development was reported by Yonhap on January 13.

        ## First North Korean Soldiers Captured

        Ukrainian President Volodymyr Zelenskyy recently announced the capture of two North Korean soldiers, describing the operation as particularly challenging.

        > “Russian and North Korean forces often execute their own wounded to prevent evidence of North Korea’s involvement in the war,” Zelenskyy explained.

        ## Putin’s Growing Dependence on North Korea

        Zelenskyy emphasized that Russia’s reliance on Pyongyang underscores the weakening state of its military.
        """;

    public static PublicArticle Article(Guid? id = null, string section = "news", string? slug = null, string headline = Headline,
        string standfirst = Standfirst, string body = Body, IReadOnlyList<string>? authors = null, Guid? heroMediaId = null,
        DateTimeOffset? publishedAt = null, IReadOnlyList<string>? previousSlugs = null, IReadOnlyList<PublicCorrection>? corrections = null,
        DateTimeOffset? updatedAt = null)
    {
        var articleId = id ?? Guid.NewGuid();
        return new PublicArticle(articleId, section, slug ?? $"north-korean-soldiers-{articleId.ToString("N")[..8]}", previousSlugs ?? [],
            headline, standfirst, body, authors ?? [Author], ["north-korea", "ukraine"], heroMediaId, publishedAt ?? PublishedAt, updatedAt,
            corrections ?? []);
    }

    public static ArticlePublishedV1 Published(PublicArticle article, long version = 1, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), article.ArticleId, version, at ?? article.PublishedAt, article);

    public static ArticleRevisedV1 Revised(PublicArticle article, long version, bool significant = false, DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), article.ArticleId, version, at ?? article.PublishedAt.AddHours(version), article, significant);

    public static ArticleCorrectedV1 Corrected(PublicArticle article, long version, string note, DateTimeOffset at) =>
        new(Guid.NewGuid(), article.ArticleId, version, at,
            article with { Corrections = [.. article.Corrections, new PublicCorrection(note, at)], UpdatedAt = at }, note);

    public static ArticleSlugChangedV1 SlugChanged(PublicArticle article, long version, string newSlug) =>
        new(Guid.NewGuid(), article.ArticleId, version, article.PublishedAt.AddHours(version),
            article with { Slug = newSlug, PreviousSlugs = [.. article.PreviousSlugs, article.Slug] }, article.Slug);

    public static ArticleUnpublishedV1 Unpublished(PublicArticle article, long version, string reason = "Legal request") =>
        new(Guid.NewGuid(), article.ArticleId, version, article.PublishedAt.AddHours(version), article.ArticleId, article.Section, article.Slug, reason);

    public static PublicMediaAsset Photo(Guid? id = null, string credit = Credit, string caption = "Soldiers in the Kursk region.",
        string alt = "Soldiers walking along a snowy road")
    {
        var mediaId = id ?? Guid.NewGuid();
        return new PublicMediaAsset(mediaId, 3000, 2000, credit, caption, alt, new FocalPoint(0.5, 0.4),
        [
            new Rendition(640, 427, "jpg", $"/media/{mediaId}/640.jpg"),
            new Rendition(1024, 683, "jpg", $"/media/{mediaId}/1024.jpg"),
            new Rendition(640, 427, "webp", $"/media/{mediaId}/640.webp"),
            new Rendition(1024, 683, "webp", $"/media/{mediaId}/1024.webp"),
        ]);
    }

    public static PublicMediaAsset CreditOnly(Guid? id = null, string credit = Credit) =>
        new(id ?? Guid.NewGuid(), null, null, credit, "", "", null, []);

    public static MediaAssetReadyV1 MediaReady(PublicMediaAsset asset, long version = 1) =>
        new(Guid.NewGuid(), asset.MediaId, version, DateTimeOffset.UtcNow, asset);

    public static MediaAssetUpdatedV1 MediaUpdated(PublicMediaAsset asset, long version) =>
        new(Guid.NewGuid(), asset.MediaId, version, DateTimeOffset.UtcNow, asset);

    public static MediaAssetRetiredV1 MediaRetired(Guid mediaId, long version) =>
        new(Guid.NewGuid(), mediaId, version, DateTimeOffset.UtcNow, mediaId);

    public static TrendingChangedV1 Trending(DateTimeOffset asOf, params PublicArticle[] articles) =>
        new(Guid.NewGuid(), asOf, asOf, null,
            articles.Select((a, i) => new TrendingItem(a.ArticleId, a.Headline, $"/{a.Section}/{a.Slug}", a.Section, 100 - i)).ToList());
}
