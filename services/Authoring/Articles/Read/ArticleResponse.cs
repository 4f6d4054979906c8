using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Read;

public sealed record CorrectionResponse(string Note, DateTimeOffset At, IReadOnlyList<string> ChangedFields);

/// <summary>
/// The article as API.md defines it, plus a few fields the editor needs (url, previousSlugs,
/// createdBy, modifiedAt, unpublishedReason, heroCredit).
/// </summary>
public sealed record ArticleResponse(
    Guid Id,
    long Version,
    ArticleStatus Status,
    string Headline,
    string Standfirst,
    string Body,
    string Section,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Tags,
    string Slug,
    Guid? HeroMediaId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ScheduledFor,
    IReadOnlyList<CorrectionResponse> Corrections,
    string Url,
    IReadOnlyList<string> PreviousSlugs,
    string CreatedBy,
    DateTimeOffset ModifiedAt,
    string? UnpublishedReason,
    string? HeroCredit)
{
    public static ArticleResponse From(Article a, Sections sections) => new(
        a.Id, a.Version, a.Status, a.Content.Headline, a.Content.Standfirst, a.Content.Body, a.Content.Section,
        a.Content.Authors, a.Content.Tags, a.Slug, a.Content.HeroMediaId, a.CreatedAt, a.PublishedAt, a.UpdatedAt,
        a.ScheduledFor, a.Corrections.Select(c => new CorrectionResponse(c.Note, c.At, c.ChangedFields)).ToList(),
        $"/{sections.Find(a.Content.Section)?.Slug ?? Slugs.From(a.Content.Section)}/{a.Slug}",
        a.PreviousSlugs, a.CreatedBy, a.ModifiedAt, a.UnpublishedReason, a.HeroCredit);
}

public sealed record ArticleListResponse(IReadOnlyList<ArticleResponse> Items, string? NextCursor);
