using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Submit;

public static class SubmitArticleEndpoint
{
    /// <summary><c>POST /api/authoring/articles/{id}/submit</c>: a writer hands the draft to the editors.</summary>
    public static Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Handle(
        Guid id, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, sections, article => SubmitArticle.Decide(article, new SubmitArticle(clock.GetUtcNow()), ActorOf(user)), ct);
}
