using NewsPlatform.Media.Edit;
using NewsPlatform.Media.Read;
using NewsPlatform.Media.Retire;
using NewsPlatform.Media.Serving;
using NewsPlatform.Media.Upload;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Media;

public static class MediaApi
{
    /// <summary>The editorial API under <c>/api/media</c>: writes need a newsroom role, reads are public.</summary>
    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media").WithTags("Media");
        api.MapPost("", UploadMedia.Handle).RequireAuthorization(Policies.Writer)
            .AddOpenApiOperationTransformer(UploadMediaRequest.Describe)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Upload a photo (multipart: file, credit, caption, alt)");
        api.MapGet("/{id:guid}", GetMedia.Handle).WithSummary("A photo's metadata and renditions");
        api.MapPut("/{id:guid}", EditMediaMetadata.Handle).RequireAuthorization(Policies.Writer)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Edit credit, caption, alt text and focal point (writers: photos they uploaded; the credit of a published article's photo: editors)");
        api.MapDelete("/{id:guid}", RetireMedia.Handle).RequireAuthorization(Policies.Editor)
            .WithSummary("Retire a photo: its renditions stop being served");
        return app;
    }

    /// <summary>The public image URLs, <c>/media/{id}/{width}.{jpg|webp}</c>.</summary>
    public static IEndpointRouteBuilder MapMediaServing(this IEndpointRouteBuilder app)
    {
        app.MapGet("/media/{id}/{file}", ServeRendition.Handle).WithTags("Media").WithSummary("A rendition's bytes");
        return app;
    }
}
