namespace NewsPlatform.Authoring.Articles;

// The Article stream. Every event carries its own time (At) so that folding the stream is pure
// and any past version can be rebuilt exactly; who did it lives in the event metadata.

/// <summary>Marker for the events of an Article stream.</summary>
public interface IArticleEvent
{
    DateTimeOffset At { get; }
}

public sealed record ArticleDrafted(Guid ArticleId, ArticleContent Content, string Slug, string CreatedBy, DateTimeOffset At) : IArticleEvent;

/// <summary>Content changed before publication (or while unpublished). <paramref name="ChangedFields"/> names what changed.</summary>
public sealed record ArticleEdited(ArticleContent Content, IReadOnlyList<string> ChangedFields, DateTimeOffset At) : IArticleEvent;

public sealed record ArticleSubmitted(DateTimeOffset At) : IArticleEvent;

public sealed record ArticleApproved(DateTimeOffset At) : IArticleEvent;

public sealed record ArticleScheduled(DateTimeOffset PublishAt, DateTimeOffset At) : IArticleEvent;

public sealed record ArticleUnscheduled(DateTimeOffset At) : IArticleEvent;

/// <summary>
/// The article went live. <paramref name="PublishedAt"/> is the public publication time (an import
/// keeps its original time); <paramref name="ScheduledFor"/> is the planned time when the scheduler
/// published it, and <paramref name="At"/> when it actually happened.
/// </summary>
public sealed record ArticlePublished(DateTimeOffset PublishedAt, DateTimeOffset? ScheduledFor, DateTimeOffset At) : IArticleEvent;

/// <summary>Public content of a live article changed; <paramref name="Significant"/> moves its "Updated" time.</summary>
public sealed record ArticleRevised(ArticleContent Content, IReadOnlyList<string> ChangedFields, bool Significant, DateTimeOffset At) : IArticleEvent;

/// <summary>A correction on a live article: a note readers see, and possibly changed content.</summary>
public sealed record ArticleCorrected(string Note, ArticleContent Content, IReadOnlyList<string> ChangedFields, DateTimeOffset At) : IArticleEvent;

public sealed record ArticleSlugChanged(string OldSlug, string NewSlug, DateTimeOffset At) : IArticleEvent;

public sealed record ArticleUnpublished(string Reason, DateTimeOffset At) : IArticleEvent;

/// <summary>An imported article named a photo credit; <paramref name="MediaId"/> is its hero image in Media.</summary>
public sealed record HeroCreditImported(Guid MediaId, string Credit, string? Caption, DateTimeOffset At) : IArticleEvent;
