using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Media.Assets;

namespace NewsPlatform.Media.Read;

public static class GetMedia
{
    /// <summary><c>GET /api/media/{id}</c>: the asset's metadata, with its stream version as ETag.</summary>
    public static async Task<Results<Ok<MediaAssetResponse>, ProblemHttpResult>> Handle(
        Guid id, IQuerySession session, HttpResponse response, CancellationToken ct)
    {
        if (await session.LoadAsync<MediaAsset>(id, ct) is not { } asset) return MediaProblems.NotFound(id);
        var body = MediaAssetResponse.From(asset);
        response.Headers.ETag = body.ETag;
        return TypedResults.Ok(body);
    }
}
