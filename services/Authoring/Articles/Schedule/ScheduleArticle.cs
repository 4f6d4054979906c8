namespace NewsPlatform.Authoring.Articles.Schedule;

/// <summary>An editor sets the time at which the article publishes itself (or moves that time).</summary>
public sealed record ScheduleArticle(DateTimeOffset PublishAt, DateTimeOffset At)
{
    public static Decision Decide(Article state, ScheduleArticle command, Actor actor)
    {
        if (!actor.IsEditor) return Decision.Forbidden("Only editors schedule articles.");
        if (state.Status == ArticleStatus.Published)
            return Decision.NotAllowed("The article is already published; unpublish it first to schedule it again.");
        if (command.PublishAt <= command.At)
            return Decision.Invalid("article", "publishAt", $"Must be in the future (it is now {command.At:u}); publish now instead.");
        if (state.Status == ArticleStatus.Scheduled && state.ScheduledFor == command.PublishAt)
            return Decision.Accept();

        return ArticleRules.RefuseUnpublishable(state.Content, "scheduled")
               ?? Decision.Accept(new ArticleScheduled(command.PublishAt, command.At));
    }
}

/// <summary>An editor cancels a scheduled publication; the article goes back to approved.</summary>
public sealed record UnscheduleArticle(DateTimeOffset At)
{
    public static Decision Decide(Article state, UnscheduleArticle command, Actor actor)
    {
        if (!actor.IsEditor) return Decision.Forbidden("Only editors schedule articles.");
        return state.Status == ArticleStatus.Scheduled
            ? Decision.Accept(new ArticleUnscheduled(command.At))
            : Decision.NotAllowed($"The article is {state.Status.Describe()}, not scheduled.");
    }
}
