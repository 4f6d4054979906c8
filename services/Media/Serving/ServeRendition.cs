using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using NewsPlatform.Media.Storage;

namespace NewsPlatform.Media.Serving;

public static partial class ServeRendition
{
    /// <summary>
    /// <c>GET /media/{id}/{width}.{jpg|webp}</c>. The path is parsed into a GUID, a number and one
    /// of two formats, and looked up in the renditions table — no path is ever built from it. A
    /// rendition never changes once stored, so it is cacheable forever.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Handle(
        string id, string file, MediaStorage storage, HttpResponse response, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var assetId))
            return NotFound($"'{Shorten(id)}' is not a media id.");
        if (FileName().Match(file) is not { Success: true } match)
            return NotFound($"'{Shorten(file)}' is not a rendition name; renditions are named like 640.jpg or 640.webp.");

        var width = int.Parse(match.Groups["width"].Value);
        var format = match.Groups["format"].Value;
        if (await storage.LoadRenditionAsync(assetId, width, format, ct) is not { } rendition)
            return NotFound($"Media {assetId} has no {width} px {format} rendition (unknown media, unknown width, or not rendered yet).");

        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'none'";
        return TypedResults.Bytes(rendition.Bytes, rendition.ContentType,
            lastModified: rendition.CreatedAt, entityTag: EntityTagHeaderValue.Parse(rendition.ETag));
    }

    static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Rendition not found", detail: detail);

    static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    [GeneratedRegex("^(?<width>[1-9][0-9]{0,4})\\.(?<format>jpg|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
