using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Heroes;
using NewsPlatform.Media.Read;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Media.Edit;

/// <summary>The editable details; a PUT replaces all four (an absent focal point clears it).</summary>
public sealed record EditMediaRequest(string? Credit, string? Caption, string? Alt, FocalPoint? FocalPoint);

public static class EditMediaMetadata
{
    /// <summary>
    /// <c>PUT /api/media/{id}</c>. Writers edit the photos they uploaded, and need an editor to change the credit of
    /// one that heroes a live article (403 otherwise); editors edit any. An optional <c>If-Match: "version"</c> makes the edit conditional (412
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

        var onLiveArticle = await session.Query<LiveHero>().AnyAsync(h => h.MediaId == id, ct);
        var result = await session.RunAsync<MediaAsset, IMediaAssetEvent>(
            id, ifMatch.Version, asset => MediaAssetDecisions.Edit(asset, metadata, Actor.Of(user), onLiveArticle), ct);
        if (result is not CommandResult<MediaAsset>.Done { State: var asset }) return MediaProblems.Problem(result);

        var body = MediaAssetResponse.From(asset);
        http.Response.Headers.ETag = body.ETag;
        return TypedResults.Ok(body);
    }
}
