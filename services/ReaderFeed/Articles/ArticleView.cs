using System.Text.Json.Serialization;
using NewsPlatform.Contracts.Articles;

namespace NewsPlatform.ReaderFeed.Articles;

public enum ArticleStatus { Live, Unpublished }

/// <summary>
/// The read model of one article: its newest public content and everything readers' URLs need.
/// Built only by <see cref="ArticleFold"/> from the article's integration events, in any order.
/// </summary>
public sealed record ArticleView
{
    public Guid Id { get; set; }

    /// <summary>Source stream version of the event that carried <see cref="Article"/>.</summary>
    public long ContentVersion { get; init; }
    public Guid ContentEventId { get; init; }
    public PublicArticle? Article { get; init; }

    /// <summary>Highest source stream version of an unpublish; newer content makes the article live again.</summary>
    public long UnpublishedVersion { get; init; }
    public string? UnpublishedPath { get; init; }
    public string? UnpublishedReason { get; init; }
    public DateTimeOffset? UnpublishedAt { get; init; }

    /// <summary>Every path the article has ever had (current and old slugs, old sections), sorted.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>When a correction or a significant revision last changed the article ("Updated").</summary>
    public DateTimeOffset? SignificantUpdateAt { get; init; }

    /// <summary>When any event about the article last occurred (Last-Modified).</summary>
    public DateTimeOffset LastChangedAt { get; init; }

    // Derived from the fields above by the fold, stored for queries.
    public ArticleStatus Status { get; init; }
    public string Path { get; init; } = "";
    public string Section { get; init; } = "";
    public DateTimeOffset PublishedAt { get; init; }
    public IReadOnlyList<string> AuthorSlugs { get; init; } = [];
    public IReadOnlyList<string> PreviousPaths { get; init; } = [];

    [JsonIgnore] public bool IsLive => Status == ArticleStatus.Live && Article is not null;

    /// <summary>The time readers see as "Updated", only after a significant change.</summary>
    [JsonIgnore] public DateTimeOffset? UpdatedAt => SignificantUpdateAt is { } at && at > PublishedAt ? at : null;

    public static string PathOf(string section, string slug) => $"/{section}/{slug}";
}
