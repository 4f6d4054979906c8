using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Read;

public static class GetArticle
{
    /// <summary>The article as it now stands, with its version as ETag; If-None-Match answers 304 when unchanged.</summary>
    public static async Task<Results<Ok<ArticleResponse>, NotFound, StatusCodeHttpResult>> Handle(
        Guid id, IQuerySession session, Sections sections, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<Article>(id, ct) is not { } article) return TypedResults.NotFound();
        http.Response.Headers.ETag = VersionTag.ETag(article.Version);
        if (http.Request.Headers.IfNoneMatch.ToString() == VersionTag.ETag(article.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(ArticleResponse.From(article, sections));
    }
}
