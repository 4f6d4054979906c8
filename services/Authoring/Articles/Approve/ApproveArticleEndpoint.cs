using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Approve;

public static class ApproveArticleEndpoint
{
    /// <summary><c>POST /api/authoring/articles/{id}/approve</c> (editor).</summary>
    public static Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, sections, article => ApproveArticle.Decide(article, new ApproveArticle(clock.GetUtcNow()), ActorOf(user)), ct);
}
