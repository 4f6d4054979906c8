using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.Contracts.Articles;

namespace NewsPlatform.Authoring.Articles;

/// <summary>A correction as shown to readers and editors.</summary>
public sealed record Correction(string Note, DateTimeOffset At, IReadOnlyList<string> ChangedFields);

/// <summary>
/// An article as of one version of its stream: a pure fold of its events (<see cref="When"/>).
/// Also stored as a document (inline projection) for listing and the scheduler.
/// </summary>
public sealed record Article
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    /// <summary>Global sequence of the last event: a unique, ever-growing sort key for "recently changed" lists.</summary>
    public long Sequence { get; init; }
    public ArticleStatus Status { get; init; }
    public required ArticleContent Content { get; init; }
    public string Slug { get; init; } = "";
    /// <summary>Slugs this article was public under; each keeps redirecting to <see cref="Slug"/>.</summary>
    public IReadOnlyList<string> PreviousSlugs { get; init; } = [];
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ModifiedAt { get; init; }
    /// <summary>First publication (public "published" time); kept when republished.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
    /// <summary>Last significant change after publication (public "updated" time).</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
    public DateTimeOffset? ScheduledFor { get; init; }
    public IReadOnlyList<Correction> Corrections { get; init; } = [];
    public string? UnpublishedReason { get; init; }
    public string? HeroCredit { get; init; }

    /// <summary>Whether readers have ever been able to see this article (its URL then must live on).</summary>
    public bool HasBeenPublic => PublishedAt is not null;

    public static Article? When(Article? state, object @event)
    {
        if (@event is ArticleDrafted drafted)
            return new Article
            {
                Id = drafted.ArticleId,
                Version = 1,
                Status = ArticleStatus.Draft,
                Content = drafted.Content,
                Slug = drafted.Slug,
                CreatedBy = drafted.CreatedBy,
                CreatedAt = drafted.At,
                ModifiedAt = drafted.At,
            };
        if (state is null || @event is not IArticleEvent e) return state;

        var next = state with { Version = state.Version + 1, ModifiedAt = e.At };
        return e switch
        {
            ArticleEdited x => next with { Content = x.Content },
            ArticleSubmitted => next with { Status = ArticleStatus.InReview },
            ArticleApproved => next with { Status = ArticleStatus.Approved },
            ArticleScheduled x => next with { Status = ArticleStatus.Scheduled, ScheduledFor = x.PublishAt },
            ArticleUnscheduled => next with { Status = ArticleStatus.Approved, ScheduledFor = null },
            ArticlePublished x => next with
            {
                Status = ArticleStatus.Published,
                PublishedAt = state.PublishedAt ?? x.PublishedAt,
                ScheduledFor = null,
                UnpublishedReason = null,
            },
            ArticleRevised x => next with { Content = x.Content, UpdatedAt = x.Significant ? x.At : state.UpdatedAt },
            ArticleCorrected x => next with
            {
                Content = x.Content,
                UpdatedAt = x.At,
                Corrections = [.. state.Corrections, new Correction(x.Note, x.At, x.ChangedFields)],
            },
            ArticleSlugChanged x => next with { Slug = x.NewSlug, PreviousSlugs = PreviousSlugsAfter(state, x) },
            ArticleUnpublished x => next with { Status = ArticleStatus.Unpublished, UnpublishedReason = x.Reason },
            HeroCreditImported x => next with { HeroCredit = x.Credit, Content = state.Content with { HeroMediaId = x.MediaId } },
            _ => next,
        };
    }

    /// <summary>A slug readers have seen keeps redirecting; one they never saw is simply dropped.</summary>
    static IReadOnlyList<string> PreviousSlugsAfter(Article state, ArticleSlugChanged change)
    {
        var previous = state.PreviousSlugs.Where(s => s != change.NewSlug).ToList();
        if (state.HasBeenPublic && !previous.Contains(change.OldSlug)) previous.Add(change.OldSlug);
        return previous;
    }

    /// <summary>The state after all <paramref name="events"/>, or null for an empty stream.</summary>
    public static Article? Fold(IEnumerable<object> events) => events.Aggregate((Article?)null, When);

    /// <summary>What readers see; only meaningful once the article has been public.</summary>
    public PublicArticle ToPublic() => new(
        Id,
        Slugs.From(Content.Section),
        Slug,
        PreviousSlugs,
        Content.Headline,
        Content.Standfirst,
        Content.Body,
        Content.Authors,
        Content.Tags,
        Content.HeroMediaId,
        PublishedAt ?? throw new InvalidOperationException($"Article {Id} has never been published."),
        UpdatedAt,
        Corrections.Select(c => new PublicCorrection(c.Note, c.At)).ToList());
}
