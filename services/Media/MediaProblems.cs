using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Media.Inspection;

namespace NewsPlatform.Media;

/// <summary>The problem details Media answers with, each saying what was wrong.</summary>
public static class MediaProblems
{
    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Media not found", detail: $"There is no media with id {id}.");

    public static ProblemHttpResult Refused(UploadRefusal refusal)
    {
        MediaMetrics.UploadsRefused.Add(1, new KeyValuePair<string, object?>("reason", refusal.Reason));
        return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail,
            extensions: new Dictionary<string, object?> { ["reason"] = refusal.Reason });
    }

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The change is not allowed", detail: detail);

    public static ProblemHttpResult PreconditionFailed(Guid id, long expected) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The media changed meanwhile",
            detail: $"Media {id} is no longer at version {expected}; reload it and apply your change again.");
}
