using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Edit;

/// <summary>Fields to change; null leaves a field as it is (so nothing is lost by a client that does not show it).</summary>
public sealed record ArticleEdit(
    string? Headline = null,
    string? Standfirst = null,
    string? Body = null,
    string? Section = null,
    IReadOnlyList<string>? Authors = null,
    IReadOnlyList<string>? Tags = null,
    Guid? HeroMediaId = null,
    bool RemoveHeroMedia = false)
{
    public ArticleContent ApplyTo(ArticleContent content) => new(
        Headline ?? content.Headline,
        Standfirst ?? content.Standfirst,
        Body ?? content.Body,
        Section ?? content.Section,
        Authors ?? content.Authors,
        Tags ?? content.Tags,
        RemoveHeroMedia ? null : HeroMediaId ?? content.HeroMediaId);
}

/// <summary>
/// Change an article's content and/or slug. Before publication this is an edit; on a live article
/// it is a revision, and <paramref name="Significant"/> moves the public "Updated" time.
/// <paramref name="Slug"/> (null = keep) is already checked to be free in the section.
/// </summary>
public sealed record EditArticle(ArticleEdit Edit, string? Slug, bool Significant, DateTimeOffset At)
{
    static readonly ArticleStatus[] WriterEditable = [ArticleStatus.Draft, ArticleStatus.InReview];

    public static Decision Decide(Article state, EditArticle command, Actor actor, Sections sections)
    {
        if (!actor.IsEditor)
        {
            if (!actor.IsWriter) return Decision.Forbidden("Only newsroom staff can edit articles.");
            if (!actor.Wrote(state)) return Decision.Forbidden("Writers may edit only their own articles.");
            if (!WriterEditable.Contains(state.Status))
                return Decision.Forbidden($"The article is {state.Status.Describe()}; from now on only an editor can change it.");
        }

        var (content, errors) = ArticleRules.Normalize(command.Edit.ApplyTo(state.Content), sections);
        if (command.Slug is { } requested && !Slugs.IsValid(requested))
            errors["slug"] = ["Use lower-case letters, digits and single hyphens, e.g. 'north-korea-talks'."];
        if (errors.Count > 0) return Decision.Invalid("article", errors);

        if (content.Section != state.Content.Section && state.HasBeenPublic)
            return Decision.NotAllowed("The section of an article that has been published is part of its URL and cannot change.");
        if (state.Status is ArticleStatus.Published or ArticleStatus.Scheduled
            && ArticleRules.RefuseUnpublishable(content, "left like this while it is " + state.Status.Describe()) is { } refusal)
            return refusal;

        var events = new List<IArticleEvent>();
        var changed = content.ChangedFrom(state.Content);
        if (changed.Count > 0)
            events.Add(state.Status == ArticleStatus.Published
                ? new ArticleRevised(content, changed, command.Significant, command.At)
                : new ArticleEdited(content, changed, command.At));
        if (command.Slug is { } slug && slug != state.Slug)
            events.Add(new ArticleSlugChanged(state.Slug, slug, command.At));
        return Decision.Accept(events);
    }
}
