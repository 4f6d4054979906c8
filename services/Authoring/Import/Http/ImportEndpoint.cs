using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Api;
using NewsPlatform.Authoring.Articles.Import;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Import.Http;

/// <summary><c>POST /api/authoring/import[?publish=true]</c> with a <c>text/plain</c> article in the seed format.</summary>
public static class ImportEndpoint
{
    public const string Description = """
        Creates an article from a text in the seed format (headline; "Written by NAME"; "Jan.14 - 2025 1:36 PM CET";
        section; "Photo: CREDIT" lines; lead; body). Editors only. `?publish=true` publishes it under the text's
        original time (a future time schedules it); otherwise it is a draft.

        The article's id is derived from the text, so the same text always names the same article:
        201 Created — a new article (Location, ETag, article JSON);
        200 OK — this text was imported before and the article is as asked (published or scheduled for
        `?publish=true`, any state otherwise): it is returned as it now stands and nothing changes;
        409 Conflict — this text was imported before as a draft (or has since been unpublished) and
        `?publish=true` asks for it published: an import never changes an existing article, use the workflow
        (`POST /api/authoring/articles/{id}/publish`);
        400 — the text is not in the seed format: `line`, `expected` and `found` say where and what;
        415/413 — not UTF-8 `text/plain`, or too large.
        """;

    /// <summary>What the endpoint needs from the container, bound with <c>[AsParameters]</c>.</summary>
    public readonly record struct Services(ISessionFactory Sessions, ImportArticleHandler Handler, Sections Sections, IConfiguration Configuration)
    {
        public TextImporter Importer() => new(Sessions, Handler, Sections, ImportSettings.NewsroomZone(Configuration));
    }

    public static async Task<Results<Created<ArticleResponse>, Ok<ArticleResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        HttpRequest request, ClaimsPrincipal user, [AsParameters] Services services, CancellationToken ct, bool publish = false)
    {
        var (text, failure) = await PlainTextBody.ReadAsync(request, ct);
        if (failure is not null)
            return TypedResults.Problem(failure.Detail, statusCode: failure.Status, title: failure.Title);

        var result = await services.Importer().ImportAsync(text!, publish, HttpCommands.ActorOf(user).Email, ct);
        return result.Outcome switch
        {
            TextImportOutcome.Created => Created(request.HttpContext, result.Article!, services.Sections),
            TextImportOutcome.AlreadyImported when publish && result.Article!.Status is not (ArticleStatus.Published or ArticleStatus.Scheduled)
                => TypedResults.Problem(
                    $"This text was imported before as article {result.ArticleId}, which is {result.Article.Status.Describe()}. " +
                    "An import never changes an existing article; publish it through the article workflow.",
                    statusCode: StatusCodes.Status409Conflict, title: "Already imported, not published",
                    extensions: new Dictionary<string, object?> { ["articleId"] = result.ArticleId, ["status"] = result.Article.Status }),
            TextImportOutcome.AlreadyImported => Existing(request.HttpContext, result.Article!, services.Sections),
            TextImportOutcome.Unreadable => TypedResults.Problem(
                result.ParseError!.Message, statusCode: StatusCodes.Status400BadRequest,
                title: "The text is not an article in the seed format",
                extensions: new Dictionary<string, object?>
                {
                    ["line"] = result.ParseError.Line,
                    ["expected"] = result.ParseError.Expected,
                    ["found"] = result.ParseError.Found,
                }),
            _ when result.Errors is { Count: > 0 } errors => TypedResults.ValidationProblem(
                errors, result.Reason, title: "The article cannot be imported"),
            _ => TypedResults.Problem(result.Reason, statusCode: StatusCodes.Status409Conflict, title: "The article cannot be imported"),
        };
    }

    private static Created<ArticleResponse> Created(HttpContext context, Article article, Sections sections)
    {
        context.Response.Headers.ETag = VersionTag.ETag(article.Version);
        return TypedResults.Created(Location(article), ArticleResponse.From(article, sections));
    }

    private static Ok<ArticleResponse> Existing(HttpContext context, Article article, Sections sections)
    {
        context.Response.Headers.ETag = VersionTag.ETag(article.Version);
        context.Response.Headers.Location = Location(article);
        return TypedResults.Ok(ArticleResponse.From(article, sections));
    }

    private static string Location(Article article) => $"/api/authoring/articles/{article.Id}";
}
