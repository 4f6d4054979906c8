using System.Diagnostics;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Api;

/// <summary>The HTTP side of article commands: who is asking, which version they saw, and how outcomes answer.</summary>
public static class HttpCommands
{
    /// <summary>How the outcomes of an article command read (<see cref="CommandProblems"/>).</summary>
    public static readonly CommandWording Wording = new()
    {
        NotFoundTitle = "No such article",
        NotFound = _ => "There is no article with this id.",
        StaleTitle = "Someone else saved first",
        Stale = stale => $"You edited version {stale.ExpectedVersion}, but the article has changed since" +
                         (stale.CurrentVersion is { } current ? $" (it is now at version {current})" : "") +
                         ". Reload it to see their changes; nothing of yours was saved.",
        ConflictTitle = "Conflict",
        Concurrent = _ => "Someone else changed the article at the same moment; reload it and try again.",
        NotAllowedTitle = "Not allowed now",
    };

    public static Actor ActorOf(ClaimsPrincipal user) => Actor.Of(user);

    /// <summary>
    /// Stamps the unit of work with who made it and which request it belongs to, so that every
    /// event's metadata answers "who did what, when" for the audit trail.
    /// </summary>
    public static ValueTask<object?> StampSession(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var session = http.RequestServices.GetRequiredService<IDocumentSession>();
        session.LastModifiedBy = ActorOf(http.User).Email;
        session.CorrelationId = http.Request.Headers["X-Correlation-Id"].FirstOrDefault() is { Length: > 0 and <= 100 } given
            ? given
            : Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        session.CausationId = http.TraceIdentifier;
        return next(context);
    }

    /// <summary>A workflow step. If-Match is optional here; when sent, the step applies only to that version.</summary>
    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Transition(
        Guid id, HttpContext http, ArticleCommands commands, Sections sections, Func<Article, Decision> decide, CancellationToken ct)
    {
        var ifMatch = VersionTag.ReadIfMatch(http.Request);
        if (ifMatch.IsInvalid) return VersionTag.InvalidIfMatch();
        var result = await commands.ExecuteAsync(id, ifMatch.Version, a => ValueTask.FromResult(decide(a)), ct);
        return Answer(result, http, sections);
    }

    public static Results<Ok<ArticleResponse>, ProblemHttpResult> Answer(CommandResult<Article> result, HttpContext http, Sections sections)
    {
        if (result is not CommandResult<Article>.Done { State: var article }) return Problem(result);
        http.Response.Headers.ETag = VersionTag.ETag(article.Version);
        return TypedResults.Ok(ArticleResponse.From(article, sections));
    }

    /// <summary>Every way a command can fail, as problem details that say why (invalid input names its fields under "errors").</summary>
    public static ProblemHttpResult Problem(CommandResult<Article> failure) => CommandProblems.Problem(failure, Wording);

    public static ProblemHttpResult Problem(Refusal refusal) => CommandProblems.Problem(refusal, Wording);

    public static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
        detail: "Send If-Match with the ETag of the version you edited (e.g. If-Match: \"3\"), so that nobody's changes are overwritten.");
}
