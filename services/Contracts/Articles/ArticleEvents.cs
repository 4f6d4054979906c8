namespace NewsPlatform.Contracts.Articles;

/// <summary>An article went live (first time, or again after being unpublished).</summary>
public sealed record ArticlePublishedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    PublicArticle Article) : IStreamIntegrationEvent;

/// <summary>The public content of a live article changed. <paramref name="Significant"/> moves the "Updated" time.</summary>
public sealed record ArticleRevisedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    PublicArticle Article, bool Significant) : IStreamIntegrationEvent;

/// <summary>A correction was issued on a live article; <paramref name="Note"/> is shown to readers.</summary>
public sealed record ArticleCorrectedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    PublicArticle Article, string Note) : IStreamIntegrationEvent;

/// <summary>A live article's slug changed; <paramref name="OldSlug"/> must keep redirecting.</summary>
public sealed record ArticleSlugChangedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    PublicArticle Article, string OldSlug) : IStreamIntegrationEvent;

/// <summary>An article was taken down; its URL answers 410 Gone.</summary>
public sealed record ArticleUnpublishedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    Guid ArticleId, string Section, string Slug, string Reason) : IStreamIntegrationEvent;

/// <summary>
/// An imported article names a photo credit without an image file. Media records a credit-only
/// asset under <paramref name="MediaId"/> and announces it with <c>MediaAssetReadyV1</c>.
/// </summary>
public sealed record HeroCreditImportedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    Guid MediaId, string Credit, string? Caption) : IStreamIntegrationEvent;
