using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Approve;
using NewsPlatform.Authoring.Articles.Publish;
using NewsPlatform.Authoring.Articles.Unpublish;

namespace NewsPlatform.Authoring.Tests.Articles.Publish;

public sealed class PublishArticleTests : ArticleSpec
{
    [Fact]
    public void An_editor_publishes_now()
    {
        Then(PublishArticle.Decide(Given(HistoryTo(ArticleStatus.Approved)), new PublishArticle(Now), Editor),
            new ArticlePublished(Now, null, Now));
    }

    [Fact]
    public void The_scheduler_publishes_a_due_article_recording_planned_and_actual_time()
    {
        var planned = T0.AddHours(1);
        var late = planned.AddMinutes(7); // the service was down when it was due

        Then(PublishDueArticle.Decide(Given(HistoryTo(ArticleStatus.Scheduled)), new PublishDueArticle(late)),
            new ArticlePublished(late, planned, late));
    }

    [Fact]
    public void The_scheduler_leaves_an_article_that_is_not_due_or_no_longer_scheduled()
    {
        ThenRefused(PublishDueArticle.Decide(Given(HistoryTo(ArticleStatus.Scheduled)), new PublishDueArticle(T0.AddMinutes(59))),
            RefusalKind.NotAllowed, "has not come yet");
        ThenRefused(PublishDueArticle.Decide(Given(HistoryTo(ArticleStatus.Published)), new PublishDueArticle(Now)),
            RefusalKind.NotAllowed, "not scheduled");
    }

    [Fact]
    public void Publishing_needs_a_headline_a_body_and_an_author_and_says_which_are_missing()
    {
        var empty = Given(new ArticleDrafted(Id, Content with { Body = "", Authors = [] }, "x", Author.Email, T0));

        var refusal = ThenRefused(PublishArticle.Decide(empty, new PublishArticle(Now), Editor), RefusalKind.NotAllowed);

        Assert.Equal(["body", "authors"], refusal.Errors!.Keys);
        Assert.Contains("A body is required to publish.", refusal.Reason);
    }

    [Fact]
    public void Approval_needs_the_same_as_publication()
    {
        var empty = Given(new ArticleDrafted(Id, Content with { Body = "" }, "x", Author.Email, T0), new ArticleSubmitted(T0));

        ThenRefused(ApproveArticle.Decide(empty, new ApproveArticle(Now), Editor), RefusalKind.NotAllowed, "A body is required");
    }

    [Fact]
    public void Republishing_keeps_the_original_publication_time()
    {
        var history = HistoryTo(ArticleStatus.Unpublished);
        var decision = PublishArticle.Decide(Given(history), new PublishArticle(Now), Editor);

        var article = Given([.. history, .. decision.Events]);
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(T0.AddMinutes(40), article.PublishedAt);
        Assert.Null(article.UnpublishedReason);
    }

    [Fact]
    public void Unpublishing_needs_a_reason()
    {
        var refusal = ThenRefused(UnpublishArticle.Decide(Given(HistoryTo(ArticleStatus.Published)), new UnpublishArticle("  ", Now), Editor),
            RefusalKind.Invalid);

        Assert.Equal(["reason"], refusal.Errors!.Keys);
        Then(UnpublishArticle.Decide(Given(HistoryTo(ArticleStatus.Published)), new UnpublishArticle(" Legal request ", Now), Editor),
            new ArticleUnpublished("Legal request", Now));
    }
}
