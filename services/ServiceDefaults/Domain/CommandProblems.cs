using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsPlatform.ServiceDefaults.Domain;

/// <summary>How a service words the outcomes of its commands that are not the decider's own reasons.</summary>
public sealed record CommandWording
{
    public required string NotFoundTitle { get; init; }
    public required Func<Guid, string> NotFound { get; init; }
    public required string StaleTitle { get; init; }
    public required Func<StaleVersion, string> Stale { get; init; }
    /// <summary>The title of a 409 for a race or a clash.</summary>
    public required string ConflictTitle { get; init; }
    /// <summary>Another change landed at the same moment (no If-Match was sent).</summary>
    public required Func<Guid, string> Concurrent { get; init; }
    /// <summary>The title of a 409 refusal: not possible from the current state.</summary>
    public required string NotAllowedTitle { get; init; }
}

/// <summary>The version a client expected (If-Match) and, when known, the one the stream is at.</summary>
public readonly record struct StaleVersion(Guid Id, long ExpectedVersion, long? CurrentVersion);

/// <summary>
/// Every way a command can fail, as problem details that say why: a refusal is 400 (its fields under
/// "errors"), 403 or 409; a missing stream 404; a stale If-Match 412 (with "currentVersion"); a race or a
/// clash 409.
/// </summary>
public static class CommandProblems
{
    public static ProblemHttpResult Problem<TState>(CommandResult<TState> failure, CommandWording wording) => failure switch
    {
        CommandResult<TState>.NotFound notFound => TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound, title: wording.NotFoundTitle, detail: wording.NotFound(notFound.Id)),
        CommandResult<TState>.Stale stale => TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed, title: wording.StaleTitle,
            detail: wording.Stale(new(stale.Id, stale.ExpectedVersion, stale.CurrentVersion)),
            extensions: new Dictionary<string, object?> { ["currentVersion"] = stale.CurrentVersion }),
        CommandResult<TState>.Concurrent concurrent => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: wording.ConflictTitle, detail: wording.Concurrent(concurrent.Id)),
        CommandResult<TState>.Conflict conflict => TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict, title: wording.ConflictTitle, detail: conflict.Reason),
        CommandResult<TState>.Refused refused => Problem(refused.Refusal, wording),
        _ => throw new UnreachableException(failure.GetType().Name),
    };

    public static ProblemHttpResult Problem(Refusal refusal, CommandWording wording) => TypedResults.Problem(
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
            _ => wording.NotAllowedTitle,
        },
        detail: refusal.Reason,
        extensions: refusal.Errors is null ? null : new Dictionary<string, object?> { ["errors"] = refusal.Errors });
}
