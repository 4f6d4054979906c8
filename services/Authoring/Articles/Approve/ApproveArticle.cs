namespace NewsPlatform.Authoring.Articles.Approve;

/// <summary>An editor accepts a submitted article as ready to publish.</summary>
public sealed record ApproveArticle(DateTimeOffset At)
{
    public static Decision Decide(Article state, ApproveArticle command, Actor actor)
    {
        if (!actor.IsEditor) return Decision.Forbidden("Only editors approve articles.");

        return state.Status switch
        {
            ArticleStatus.InReview => ArticleRules.RefuseUnpublishable(state.Content, "approved")
                                      ?? Decision.Accept(new ArticleApproved(command.At)),
            ArticleStatus.Draft => Decision.NotAllowed("The article is a draft; it must be submitted for review before it is approved."),
            ArticleStatus.Approved => Decision.NotAllowed("The article is already approved."),
            _ => Decision.NotAllowed($"The article is {state.Status.Describe()}; only an article in review can be approved."),
        };
    }
}
