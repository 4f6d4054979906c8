using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Create;

public sealed record CreateArticleRequest(
    string? Headline,
    string? Standfirst,
    string? Body,
    string? Section,
    IReadOnlyList<string>? Authors,
    Guid? HeroMediaId,
    string? Slug,
    IReadOnlyList<string>? Tags)
{
    public ArticleContent ToContent() =>
        new(Headline ?? "", Standfirst ?? "", Body ?? "", Section ?? "", Authors ?? [], Tags ?? [], HeroMediaId);
}

public static class CreateArticleEndpoint
{
    /// <summary><c>POST /api/authoring/articles</c>: a new draft, its slug unique in its section.</summary>
    public static async Task<Results<Created<ArticleResponse>, ProblemHttpResult>> Handle(
        CreateArticleRequest request, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        var content = request.ToContent();
        var actor = ActorOf(user);
        var result = await commands.CreateAsync(id, content, request.Slug,
            slug => CreateArticle.Decide(new CreateArticle(id, content, slug, clock.GetUtcNow()), actor, sections), ct);
        if (result is not ServiceDefaults.Domain.CommandResult<Article>.Done { State: var article }) return Problem(result);
        http.Response.Headers.ETag = VersionTag.ETag(article.Version);
        return TypedResults.Created($"/api/authoring/articles/{article.Id}", ArticleResponse.From(article, sections));
    }
}
