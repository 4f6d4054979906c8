using JasperFx.Events;

namespace NewsPlatform.Authoring.Articles.History;

public sealed record RevisionEntry(long Version, DateTimeOffset At, string? By, string Event);

public sealed record AuditEntry(long Version, DateTimeOffset At, string? By, string Action, string Detail, string? CorrelationId, string? CausationId);

public sealed record FieldDifference(string Field, object? Before, object? After);

public sealed record ArticleDiff(long From, long To, IReadOnlyList<FieldDifference> Changes);

/// <summary>Reads an article's past from its events and their metadata (who, when, in which request).</summary>
public static class ArticleHistory
{
    public static IReadOnlyList<RevisionEntry> Revisions(IEnumerable<IEvent> events) =>
        events.Select(e => new RevisionEntry(e.Version, e.Timestamp, e.UserName, Name(e.Data))).ToList();

    public static IReadOnlyList<AuditEntry> Audit(IEnumerable<IEvent> events) =>
        events.Select(e => new AuditEntry(e.Version, e.Timestamp, e.UserName, Name(e.Data), Detail(e.Data), e.CorrelationId, e.CausationId)).ToList();

    /// <summary>The event's name as clients see it ("drafted", "published", "slugChanged", ...).</summary>
    public static string Name(object data) => data switch
    {
        ArticleDrafted => "drafted",
        ArticleEdited => "edited",
        ArticleSubmitted => "submitted",
        ArticleApproved => "approved",
        ArticleScheduled => "scheduled",
        ArticleUnscheduled => "unscheduled",
        ArticlePublished => "published",
        ArticleRevised => "revised",
        ArticleCorrected => "corrected",
        ArticleSlugChanged => "slugChanged",
        ArticleUnpublished => "unpublished",
        HeroCreditImported => "heroCreditImported",
        _ => data.GetType().Name,
    };

    /// <summary>One line an editor can read in the audit trail.</summary>
    public static string Detail(object data) => data switch
    {
        ArticleDrafted x => $"Drafted \"{x.Content.Headline}\" in {x.Content.Section} as /{x.Slug}",
        ArticleEdited x => "Changed " + string.Join(", ", x.ChangedFields),
        ArticleSubmitted => "Submitted for review",
        ArticleApproved => "Approved for publication",
        ArticleScheduled x => $"Scheduled to publish at {x.PublishAt:u}",
        ArticleUnscheduled => "Cancelled the scheduled publication",
        ArticlePublished { ScheduledFor: { } planned } x => x.At - planned > TimeSpan.FromSeconds(5)
            ? $"Published by the scheduler at {x.At:u}, {Describe(x.At - planned)} after the planned {planned:u}"
            : $"Published by the scheduler at {x.At:u} as planned",
        ArticlePublished x when x.PublishedAt != x.At => $"Published with its original time {x.PublishedAt:u}",
        ArticlePublished => "Published",
        ArticleRevised x => $"Revised {string.Join(", ", x.ChangedFields)}{(x.Significant ? " (significant update)" : "")}",
        ArticleCorrected x => $"Correction: {x.Note}" + (x.ChangedFields.Count > 0 ? $" (changed {string.Join(", ", x.ChangedFields)})" : ""),
        ArticleSlugChanged x => $"Slug changed from {x.OldSlug} to {x.NewSlug}",
        ArticleUnpublished x => $"Unpublished: {x.Reason}",
        HeroCreditImported x => $"Hero photo credit imported: {x.Credit}",
        _ => "",
    };

    public static ArticleDiff Diff(Article from, Article to)
    {
        var changes = new List<FieldDifference>();
        void Compare(string field, object? before, object? after)
        {
            var same = before is IEnumerable<string> a && after is IEnumerable<string> b ? a.SequenceEqual(b) : Equals(before, after);
            if (!same) changes.Add(new FieldDifference(field, before, after));
        }

        Compare("status", from.Status, to.Status);
        Compare("headline", from.Content.Headline, to.Content.Headline);
        Compare("standfirst", from.Content.Standfirst, to.Content.Standfirst);
        Compare("body", from.Content.Body, to.Content.Body);
        Compare("section", from.Content.Section, to.Content.Section);
        Compare("authors", from.Content.Authors, to.Content.Authors);
        Compare("tags", from.Content.Tags, to.Content.Tags);
        Compare("slug", from.Slug, to.Slug);
        Compare("previousSlugs", from.PreviousSlugs, to.PreviousSlugs);
        Compare("heroMediaId", from.Content.HeroMediaId, to.Content.HeroMediaId);
        Compare("publishedAt", from.PublishedAt, to.PublishedAt);
        Compare("updatedAt", from.UpdatedAt, to.UpdatedAt);
        Compare("scheduledFor", from.ScheduledFor, to.ScheduledFor);
        Compare("corrections", from.Corrections.Select(c => c.Note), to.Corrections.Select(c => c.Note));
        return new ArticleDiff(from.Version, to.Version, changes);
    }

    static string Describe(TimeSpan late) =>
        late.TotalHours >= 1 ? $"{late.TotalHours:0.#} h" : late.TotalMinutes >= 1 ? $"{late.TotalMinutes:0.#} min" : $"{late.TotalSeconds:0} s";
}
