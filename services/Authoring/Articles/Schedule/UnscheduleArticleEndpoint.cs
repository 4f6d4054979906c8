using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Schedule;

public static class UnscheduleArticleEndpoint
{
    /// <summary><c>POST /api/authoring/articles/{id}/unschedule</c> (editor): back to approved.</summary>
    public static Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, sections, article => UnscheduleArticle.Decide(article, new UnscheduleArticle(clock.GetUtcNow()), ActorOf(user)), ct);
}
