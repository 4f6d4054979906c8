namespace NewsPlatform.Authoring.Articles.Submit;

/// <summary>A writer hands a draft to the editors.</summary>
public sealed record SubmitArticle(DateTimeOffset At)
{
    public static Decision Decide(Article state, SubmitArticle command, Actor actor)
    {
        if (!actor.IsWriter) return Decision.Forbidden("Only newsroom staff can submit articles.");
        if (!actor.IsEditor && !actor.Wrote(state)) return Decision.Forbidden("Writers may submit only their own articles.");

        return state.Status switch
        {
            ArticleStatus.Draft => Decision.Accept(new ArticleSubmitted(command.At)),
            ArticleStatus.InReview => Decision.NotAllowed("The article is already in review."),
            _ => Decision.NotAllowed($"The article is {state.Status.Describe()}; only a draft can be submitted for review."),
        };
    }
}
