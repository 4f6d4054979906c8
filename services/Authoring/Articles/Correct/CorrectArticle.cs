using NewsPlatform.Authoring.Articles.Edit;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Correct;

/// <summary>
/// An editor corrects a live article: a note readers will see, and optionally the corrected
/// content. A correction always moves the public "Updated" time.
/// </summary>
public sealed record CorrectArticle(string Note, ArticleEdit? Changes, DateTimeOffset At)
{
    public static Decision Decide(Article state, CorrectArticle command, Actor actor, Sections sections)
    {
        if (!actor.IsEditor) return Decision.Forbidden("Only editors issue corrections.");
        if (state.Status != ArticleStatus.Published)
            return Decision.NotAllowed($"The article is {state.Status.Describe()}; corrections are for published articles — edit it instead.");

        var (content, errors) = ArticleRules.Normalize(command.Changes?.ApplyTo(state.Content) ?? state.Content, sections);
        if (ArticleRules.CheckText(command.Note, ArticleRules.NoteMax, "correction note") is { } noteError)
            errors["note"] = [noteError];
        if (errors.Count > 0) return Decision.Invalid("article", errors);
        if (content.Section != state.Content.Section)
            return Decision.NotAllowed("The section of a published article is part of its URL and cannot change.");

        return ArticleRules.RefuseUnpublishable(content, "corrected like this")
               ?? Decision.Accept(new ArticleCorrected(command.Note.Trim(), content, content.ChangedFrom(state.Content), command.At));
    }
}
