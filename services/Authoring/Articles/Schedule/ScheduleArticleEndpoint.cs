using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Schedule;

public sealed record ScheduleRequest(DateTimeOffset? PublishAt);

public static class ScheduleArticleEndpoint
{
    /// <summary><c>POST /api/authoring/articles/{id}/schedule</c> (editor): the article publishes itself at <c>publishAt</c>.</summary>
    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Handle(
        Guid id, ScheduleRequest request, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock,
        HttpContext http, CancellationToken ct) =>
        request.PublishAt is not { } publishAt
            ? Problem(new Refusal(RefusalKind.Invalid, "publishAt: a time to publish at is required.",
                new Dictionary<string, string[]> { ["publishAt"] = ["A time to publish at is required (ISO-8601, e.g. 2025-01-14T12:36:00Z)."] }))
            : await Transition(id, http, commands, sections,
                article => ScheduleArticle.Decide(article, new ScheduleArticle(publishAt.ToUniversalTime(), clock.GetUtcNow()), ActorOf(user)), ct);
}
