namespace NewsPlatform.Authoring.Articles.Unpublish;

/// <summary>An editor takes a live article down; its URL then answers 410 Gone.</summary>
public sealed record UnpublishArticle(string Reason, DateTimeOffset At)
{
    public static Decision Decide(Article state, UnpublishArticle command, Actor actor)
    {
        if (!actor.IsEditor) return Decision.Forbidden("Only editors unpublish articles.");
        if (ArticleRules.CheckText(command.Reason, ArticleRules.ReasonMax, "reason") is { } error)
            return Decision.Invalid("article", "reason", error);
        return state.Status == ArticleStatus.Published
            ? Decision.Accept(new ArticleUnpublished(command.Reason.Trim(), command.At))
            : Decision.NotAllowed($"The article is {state.Status.Describe()}; only a published article can be unpublished.");
    }
}
