using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Read;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Media.Edit;

/// <summary>The editable details; a PUT replaces all four (an absent focal point clears it).</summary>
public sealed record EditMediaRequest(string? Credit, string? Caption, string? Alt, FocalPoint? FocalPoint);

public static class EditMediaMetadata
{
    /// <summary>
    /// <c>PUT /api/media/{id}</c>. An optional <c>If-Match: "version"</c> makes the edit conditional (412
    /// when stale); without it the edit applies to the current version. The relay publishes
    /// MediaAssetUpdatedV1.
    /// </summary>
    public static async Task<Results<Ok<MediaAssetResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        Guid id, EditMediaRequest request, HttpContext http, IDocumentSession session, ClaimsPrincipal user, CancellationToken ct)
    {
        var validation = MediaMetadata.Validate(request.Credit, request.Caption, request.Alt, request.FocalPoint);
        if (validation.Metadata is not { } metadata) return TypedResults.ValidationProblem(validation.Errors, title: "The photo's details are not valid");

        var ifMatch = VersionTag.ReadIfMatch(http.Request);
        if (ifMatch.IsInvalid) return VersionTag.InvalidIfMatch();
        var expected = ifMatch.Version;

        try
        {
            var stream = expected is { } version
                ? await session.Events.FetchForWriting<MediaAsset>(id, version, ct)
                : await session.Events.FetchForWriting<MediaAsset>(id, ct);
            if (stream.Aggregate is not { } asset) return MediaProblems.NotFound(id);

            var decision = MediaAssetDecisions.Edit(asset, metadata, user.Email());
            if (decision.Rejection is { } rejection) return MediaProblems.Conflict(rejection.Reason);
            if (decision.Events.Count > 0)
            {
                stream.AppendMany(decision.Events);
                await session.SaveChangesAsync(ct);
                asset = await session.LoadAsync<MediaAsset>(id, ct) ?? asset;
            }

            var body = MediaAssetResponse.From(asset);
            http.Response.Headers.ETag = body.ETag;
            return TypedResults.Ok(body);
        }
        catch (ConcurrencyException) when (expected is { } version)
        {
            return MediaProblems.PreconditionFailed(id, version);
        }
        catch (ConcurrencyException)
        {
            return MediaProblems.Conflict($"Media {id} was changed by someone else at the same moment; reload it and try again.");
        }
    }
}
