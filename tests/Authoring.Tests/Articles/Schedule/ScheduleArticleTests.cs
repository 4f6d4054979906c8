using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Schedule;

namespace NewsPlatform.Authoring.Tests.Articles.Schedule;

public sealed class ScheduleArticleTests : ArticleSpec
{
    [Fact]
    public void An_editor_schedules_an_approved_article()
    {
        var decision = ScheduleArticle.Decide(Given(HistoryTo(ArticleStatus.Approved)), new ScheduleArticle(Now.AddHours(1), Now), Editor);

        Then(decision, new ArticleScheduled(Now.AddHours(1), Now));
        Assert.Equal(Now.AddHours(1), Given([.. HistoryTo(ArticleStatus.Approved), .. decision.Events]).ScheduledFor);
    }

    [Fact]
    public void A_time_in_the_past_is_refused_naming_publishAt()
    {
        var refusal = ThenRefused(ScheduleArticle.Decide(Given(HistoryTo(ArticleStatus.Approved)), new ScheduleArticle(Now.AddSeconds(-1), Now), Editor),
            RefusalKind.Invalid);

        Assert.Equal(["publishAt"], refusal.Errors!.Keys);
    }

    [Fact]
    public void Scheduling_again_for_the_same_time_changes_nothing_and_another_time_moves_it()
    {
        var scheduled = Given(HistoryTo(ArticleStatus.Scheduled));

        Then(ScheduleArticle.Decide(scheduled, new ScheduleArticle(scheduled.ScheduledFor!.Value, T0), Editor));
        Then(ScheduleArticle.Decide(scheduled, new ScheduleArticle(Now.AddDays(1), Now), Editor), new ArticleScheduled(Now.AddDays(1), Now));
    }

    [Fact]
    public void An_article_that_could_not_be_published_cannot_be_scheduled()
    {
        var noAuthors = Given(new ArticleDrafted(Id, Content with { Authors = [] }, "x", Author.Email, T0));

        var refusal = ThenRefused(ScheduleArticle.Decide(noAuthors, new ScheduleArticle(Now.AddHours(1), Now), Editor), RefusalKind.NotAllowed);

        Assert.Equal(["authors"], refusal.Errors!.Keys);
    }

    [Fact]
    public void Unscheduling_returns_the_article_to_approved_without_a_time()
    {
        var decision = UnscheduleArticle.Decide(Given(HistoryTo(ArticleStatus.Scheduled)), new UnscheduleArticle(Now), Editor);

        var article = Given([.. HistoryTo(ArticleStatus.Scheduled), .. decision.Events]);
        Assert.Equal((ArticleStatus.Approved, (DateTimeOffset?)null), (article.Status, article.ScheduledFor));
    }
}
