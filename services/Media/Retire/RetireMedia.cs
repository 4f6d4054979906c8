using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Read;
using NewsPlatform.Media.Storage;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Media.Retire;

public static class RetireMedia
{
    const int MaxReasonLength = 500;

    /// <summary>
    /// <c>DELETE /api/media/{id}?reason=</c> (editor): the asset is retired, its renditions stop being
    /// served, and the relay publishes MediaAssetRetiredV1 so pages stop showing it. The original
    /// and the history stay in the event log.
    /// </summary>
    public static async Task<Results<Ok<MediaAssetResponse>, ProblemHttpResult>> Handle(
        Guid id, string? reason, IDocumentSession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var why = string.IsNullOrWhiteSpace(reason) ? "Retired by an editor." : reason.Trim();
        if (why.Length > MaxReasonLength || why.Any(char.IsControl))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid reason",
                detail: $"The reason must be one line of at most {MaxReasonLength} characters.");

        var result = await session.RunAsync<MediaAsset, IMediaAssetEvent>(
            id, expectedVersion: null, asset => MediaAssetDecisions.Retire(asset, why, user.Email()), ct,
            stage: (_, _, _) =>
            {
                MediaStorage.StageRenditionRemoval(session, id);
                return Task.CompletedTask;
            });
        return result is CommandResult<MediaAsset>.Done { State: var asset }
            ? TypedResults.Ok(MediaAssetResponse.From(asset))
            : MediaProblems.Problem(result);
    }
}
