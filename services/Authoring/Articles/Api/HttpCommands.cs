using System.Diagnostics;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Authoring.Articles.Api;

/// <summary>The HTTP side of article commands: who is asking, which version they saw, and how outcomes answer.</summary>
public static class HttpCommands
{
    public static Actor ActorOf(ClaimsPrincipal user) =>
        new(user.Email(), user.RoleNames());

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

    public static Results<Ok<ArticleResponse>, ProblemHttpResult> Answer(CommandResult result, HttpContext http, Sections sections)
    {
        if (result is not CommandResult.Done done) return Problem(result);
        http.Response.Headers.ETag = VersionTag.ETag(done.Article.Version);
        return TypedResults.Ok(ArticleResponse.From(done.Article, sections));
    }

    /// <summary>Every way a command can fail, as problem details that say why (invalid input names its fields under "errors").</summary>
    public static ProblemHttpResult Problem(CommandResult failure) => failure switch
    {
        CommandResult.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such article",
            detail: "There is no article with this id."),
        CommandResult.Stale stale => TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Someone else saved first",
            detail: $"You edited version {stale.ExpectedVersion}, but the article has changed since" +
                    (stale.CurrentVersion is { } current ? $" (it is now at version {current})" : "") +
                    ". Reload it to see their changes; nothing of yours was saved.",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion }),
        CommandResult.Conflict conflict => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: conflict.Reason),
        CommandResult.Refused { Refusal: var refusal } => TypedResults.Problem(
            statusCode: refusal.Kind switch
            {
                RefusalKind.Invalid => StatusCodes.Status400BadRequest,
                RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
                _ => StatusCodes.Status409Conflict,
            },
            title: refusal.Kind switch
            {
                RefusalKind.Invalid => "The request is not valid",
                RefusalKind.Forbidden => "Forbidden",
                _ => "Not allowed now",
            },
            detail: refusal.Reason,
            extensions: refusal.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = refusal.Errors }),
        _ => throw new UnreachableException(failure.GetType().Name),
    };

    public static ProblemHttpResult PreconditionRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match required",
        detail: "Send If-Match with the ETag of the version you edited (e.g. If-Match: \"3\"), so that nobody's changes are overwritten.");
}
