using System.Security.Claims;
using System.Security.Cryptography;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Extensions;
using NewsPlatform.Media.Inspection;
using NewsPlatform.Media.Read;
using NewsPlatform.Media.Storage;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Media.Upload;

public static class UploadMedia
{
    /// <summary>
    /// <c>POST /api/media</c>: bounded read of the form, metadata check, byte inspection, then blob
    /// and MediaUploaded committed together. Every refusal happens before anything is staged, so a
    /// refused upload stores nothing. Renditions are produced afterwards, off this request.
    /// </summary>
    public static async Task<Results<Created<MediaAssetResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        HttpContext http, IDocumentSession session, IOptionsSnapshot<MediaOptions> settings, ClaimsPrincipal user, CancellationToken ct)
    {
        var options = settings.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = options.MaxRequestBodyBytes;
        if (http.Request.ContentLength > options.MaxRequestBodyBytes)
            return MediaProblems.Refused(UploadRefusal.TooLarge(
                $"The request is {Sizes.Describe(http.Request.ContentLength.Value)}; a photo may be at most {Sizes.Describe(options.MaxUploadBytes)}."));

        var (form, formRefusal) = await UploadForm.ReadAsync(http.Request, options, ct);
        if (form is null) return MediaProblems.Refused(formRefusal!);

        var validation = MediaMetadata.Validate(form.Credit, form.Caption, form.Alt, focalPoint: null);
        if (validation.Metadata is not { } metadata) return TypedResults.ValidationProblem(validation.Errors, title: "The photo's details are not valid");

        var inspection = PhotoInspector.Inspect(form.File, options.MaxPixels);
        if (inspection.Photo is not { } photo) return MediaProblems.Refused(inspection.Refusal!);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(form.File));
        var uploaded = MediaAssetDecisions.Upload(Guid.CreateVersion7(), photo, sha256, metadata, user.Email());
        MediaStorage.StageBlob(session, sha256, photo.ContentType, form.File);
        session.Events.StartStream<MediaAsset>(uploaded.MediaId, uploaded);
        await session.SaveChangesAsync(ct);
        MediaMetrics.UploadsAccepted.Add(1);

        var asset = await session.LoadAsync<MediaAsset>(uploaded.MediaId, ct)
            ?? throw new InvalidOperationException($"Media {uploaded.MediaId} was stored but its document is missing.");
        var body = MediaAssetResponse.From(asset);
        http.Response.Headers.ETag = body.ETag;
        return TypedResults.Created($"/api/media/{body.Id}", body);
    }
}
