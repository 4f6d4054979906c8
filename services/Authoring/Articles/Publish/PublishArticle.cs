namespace NewsPlatform.Authoring.Articles.Publish;

/// <summary>
/// An editor publishes now: from any state but published (a draft too, for breaking news; an
/// unpublished article comes back under its original publication time).
/// </summary>
public sealed record PublishArticle(DateTimeOffset At)
{
    public static Decision Decide(Article state, PublishArticle command, Actor actor)
    {
        if (!actor.IsEditor) return Decision.Forbidden("Only editors publish articles.");
        if (state.Status == ArticleStatus.Published) return Decision.NotAllowed("The article is already published.");

        return ArticleRules.RefuseUnpublishable(state.Content, "published")
               ?? Decision.Accept(new ArticlePublished(command.At, null, command.At));
    }
}

/// <summary>
/// The scheduler publishes an article whose time has come. <paramref name="Now"/> may be long after
/// the planned time (the service was down); the event records both.
/// </summary>
public sealed record PublishDueArticle(DateTimeOffset Now)
{
    public static Decision Decide(Article state, PublishDueArticle command)
    {
        if (state.Status != ArticleStatus.Scheduled || state.ScheduledFor is not { } planned)
            return Decision.NotAllowed($"The article is {state.Status.Describe()}, not scheduled.");
        if (planned > command.Now)
            return Decision.NotAllowed($"The article is scheduled for {planned:u}, which has not come yet.");

        return ArticleRules.RefuseUnpublishable(state.Content, "published")
               ?? Decision.Accept(new ArticlePublished(command.Now, planned, command.Now));
    }
}
