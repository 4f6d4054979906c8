using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Approve;
using NewsPlatform.Authoring.Articles.Correct;
using NewsPlatform.Authoring.Articles.Edit;
using NewsPlatform.Authoring.Articles.Publish;
using NewsPlatform.Authoring.Articles.Schedule;
using NewsPlatform.Authoring.Articles.Submit;
using NewsPlatform.Authoring.Articles.Unpublish;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Authoring.Tests.Articles;

/// <summary>
/// Every workflow command, from every status, by every kind of actor. Each row reads across the
/// statuses Draft, InReview, Approved, Scheduled, Published, Unpublished: "ok" (accepted),
/// "409" (not from this status) or "403" (not for this actor).
/// </summary>
public sealed class WorkflowMatrixTests : ArticleSpec
{
    static readonly Dictionary<string, Dictionary<string, string>> Expected = new()
    {
        ["submit"] = new()
        {
            ["author"] = "ok  409 409 409 409 409",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "ok  409 409 409 409 409",
            ["admin"] = "ok  409 409 409 409 409",
            ["reader"] = "403 403 403 403 403 403",
        },
        ["edit"] = new()
        {
            ["author"] = "ok  ok  403 403 403 403",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "ok  ok  ok  ok  ok  ok",
            ["admin"] = "ok  ok  ok  ok  ok  ok",
            ["reader"] = "403 403 403 403 403 403",
        },
        ["approve"] = new()
        {
            ["author"] = "403 403 403 403 403 403",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "409 ok  409 409 409 409",
            ["admin"] = "409 ok  409 409 409 409",
            ["reader"] = "403 403 403 403 403 403",
        },
        ["schedule"] = new()
        {
            ["author"] = "403 403 403 403 403 403",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "ok  ok  ok  ok  409 ok",
            ["admin"] = "ok  ok  ok  ok  409 ok",
            ["reader"] = "403 403 403 403 403 403",
        },
        ["unschedule"] = new()
        {
            ["author"] = "403 403 403 403 403 403",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "409 409 409 ok  409 409",
            ["admin"] = "409 409 409 ok  409 409",
            ["reader"] = "403 403 403 403 403 403",
        },
        ["publish"] = new()
        {
            ["author"] = "403 403 403 403 403 403",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "ok  ok  ok  ok  409 ok",
            ["admin"] = "ok  ok  ok  ok  409 ok",
            ["reader"] = "403 403 403 403 403 403",
        },
        ["unpublish"] = new()
        {
            ["author"] = "403 403 403 403 403 403",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "409 409 409 409 ok  409",
            ["admin"] = "409 409 409 409 ok  409",
            ["reader"] = "403 403 403 403 403 403",
        },
        ["correct"] = new()
        {
            ["author"] = "403 403 403 403 403 403",
            ["other"] = "403 403 403 403 403 403",
            ["editor"] = "409 409 409 409 ok  409",
            ["admin"] = "409 409 409 409 ok  409",
            ["reader"] = "403 403 403 403 403 403",
        },
    };

    static readonly Dictionary<string, Actor> Actors = new()
    {
        ["author"] = Author, ["other"] = OtherWriter, ["editor"] = Editor, ["admin"] = Admin, ["reader"] = Reader,
    };

    public static IEnumerable<object[]> Cases() =>
        from command in Expected
        from actor in command.Value
        let outcomes = actor.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        from status in Enum.GetValues<ArticleStatus>()
        select new object[] { command.Key, actor.Key, status, outcomes[(int)status] };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Command_by_actor_from_status(string command, string actor, ArticleStatus status, string expected)
    {
        var article = Given(HistoryTo(status));
        Assert.Equal(status, article.Status);

        var decision = Decide(command, article, Actors[actor]);

        switch (expected)
        {
            case "ok":
                Assert.True(decision.Refusal is null, decision.Refusal?.Reason);
                Assert.IsType(ExpectedEvent(command, status), decision.Events[0]);
                Assert.Equal(ExpectedStatus(command, status), decision.Events.Aggregate((Article?)article, (s, e) => Article.When(s, e))!.Status);
                break;
            case "409":
                ThenRefused(decision, RefusalKind.NotAllowed);
                break;
            case "403":
                ThenRefused(decision, RefusalKind.Forbidden);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expected), expected, null);
        }
    }

    static Decision<IArticleEvent> Decide(string command, Article article, Actor actor) => command switch
    {
        "submit" => SubmitArticle.Decide(article, new SubmitArticle(Now), actor),
        "edit" => EditArticle.Decide(article, new EditArticle(new ArticleEdit(Body: "A new paragraph."), null, false, Now), actor, Sections),
        "approve" => ApproveArticle.Decide(article, new ApproveArticle(Now), actor),
        "schedule" => ScheduleArticle.Decide(article, new ScheduleArticle(Now.AddHours(3), Now), actor),
        "unschedule" => UnscheduleArticle.Decide(article, new UnscheduleArticle(Now), actor),
        "publish" => PublishArticle.Decide(article, new PublishArticle(Now), actor),
        "unpublish" => UnpublishArticle.Decide(article, new UnpublishArticle("Legal", Now), actor),
        "correct" => CorrectArticle.Decide(article, new CorrectArticle("Fixed a name.", null, Now), actor, Sections),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    static Type ExpectedEvent(string command, ArticleStatus status) => command switch
    {
        "submit" => typeof(ArticleSubmitted),
        "edit" => status == ArticleStatus.Published ? typeof(ArticleRevised) : typeof(ArticleEdited),
        "approve" => typeof(ArticleApproved),
        "schedule" => typeof(ArticleScheduled),
        "unschedule" => typeof(ArticleUnscheduled),
        "publish" => typeof(ArticlePublished),
        "unpublish" => typeof(ArticleUnpublished),
        "correct" => typeof(ArticleCorrected),
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    static ArticleStatus ExpectedStatus(string command, ArticleStatus from) => command switch
    {
        "submit" => ArticleStatus.InReview,
        "edit" or "correct" => from,
        "approve" or "unschedule" => ArticleStatus.Approved,
        "schedule" => ArticleStatus.Scheduled,
        "publish" => ArticleStatus.Published,
        "unpublish" => ArticleStatus.Unpublished,
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };
}
