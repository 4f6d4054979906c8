using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Inspection;
using NewsPlatform.ServiceDefaults.Domain;

namespace NewsPlatform.Media;

/// <summary>The problem details Media answers with, each saying what was wrong.</summary>
public static class MediaProblems
{
    public static ProblemHttpResult NotFound(Guid id) => CommandProblems.Problem(new CommandResult<MediaAsset>.NotFound(id), Commands);

    public static ProblemHttpResult Refused(UploadRefusal refusal)
    {
        MediaMetrics.UploadsRefused.Add(1, new KeyValuePair<string, object?>("reason", refusal.Reason));
        return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail,
            extensions: new Dictionary<string, object?> { ["reason"] = refusal.Reason });
    }

    /// <summary>How the outcomes of a command on a MediaAsset stream read (<see cref="CommandProblems"/>).</summary>
    public static readonly CommandWording Commands = new()
    {
        NotFoundTitle = "Media not found",
        NotFound = id => $"There is no media with id {id}.",
        StaleTitle = "The media changed meanwhile",
        Stale = stale => $"Media {stale.Id} is no longer at version {stale.ExpectedVersion}; reload it and apply your change again.",
        ConflictTitle = "The change is not allowed",
        Concurrent = id => $"Media {id} was changed by someone else at the same moment; reload it and try again.",
        NotAllowedTitle = "The change is not allowed",
    };

    public static ProblemHttpResult Problem(CommandResult<MediaAsset> failure) => CommandProblems.Problem(failure, Commands);
}
