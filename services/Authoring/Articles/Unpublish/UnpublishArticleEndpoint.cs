using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Unpublish;

public sealed record UnpublishRequest(string? Reason);

public static class UnpublishArticleEndpoint
{
    /// <summary><c>POST /api/authoring/articles/{id}/unpublish</c> (editor): its URL then answers 410 Gone.</summary>
    public static Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Handle(
        Guid id, UnpublishRequest request, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, sections, article => UnpublishArticle.Decide(article, new UnpublishArticle(request.Reason ?? "", clock.GetUtcNow()), ActorOf(user)), ct);
}
