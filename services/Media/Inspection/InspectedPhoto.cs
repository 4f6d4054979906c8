using SkiaSharp;

namespace NewsPlatform.Media.Inspection;

/// <summary>The formats NewsPlatform accepts. Animated images, GIF, HEIC and vector formats are refused.</summary>
public enum ImageFormat { Jpeg, Png, WebP }

/// <summary>
/// A file that passed inspection. <see cref="Width"/> and <see cref="Height"/> are as the photo is
/// displayed, i.e. after its EXIF orientation is applied.
/// </summary>
public sealed record InspectedPhoto(ImageFormat Format, int Width, int Height, SKEncodedOrigin Origin, long Length)
{
    public string ContentType => Format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        _ => "image/webp",
    };
}

/// <summary>Why an upload is refused: the HTTP status, and a detail that tells the uploader what to do.</summary>
public sealed record UploadRefusal(int Status, string Title, string Detail, string Reason)
{
    public static UploadRefusal NotAnImage(string detail, string reason) =>
        new(StatusCodes.Status415UnsupportedMediaType, "The file is not an accepted image", detail, reason);

    public static UploadRefusal Damaged(string detail, string reason) =>
        new(StatusCodes.Status400BadRequest, "The image is damaged", detail, reason);

    public static UploadRefusal TooManyPixels(string detail) =>
        new(StatusCodes.Status400BadRequest, "The image is too large", detail, "too-many-pixels");

    public static UploadRefusal TooLarge(string detail) =>
        new(StatusCodes.Status413PayloadTooLarge, "The upload is too large", detail, "too-many-bytes");

    public static UploadRefusal BadForm(string detail) =>
        new(StatusCodes.Status400BadRequest, "The upload form is not valid", detail, "bad-form");
}

/// <summary>Either an accepted photo or the reason it was refused.</summary>
public sealed record PhotoInspection(InspectedPhoto? Photo, UploadRefusal? Refusal)
{
    public static PhotoInspection Accept(InspectedPhoto photo) => new(photo, null);
    public static PhotoInspection Refuse(UploadRefusal refusal) => new(null, refusal);
}
