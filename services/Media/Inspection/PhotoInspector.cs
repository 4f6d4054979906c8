using NewsPlatform.Media.Renditions;
using SkiaSharp;
using static System.FormattableString;

namespace NewsPlatform.Media.Inspection;

/// <summary>
/// Decides whether uploaded bytes are a photo NewsPlatform accepts, without decoding a single pixel:
/// magic numbers, then the image header through <see cref="SKCodec"/> (dimensions, format, frames),
/// then the container structure and a search for embedded markup. A pixel bomb is refused on its
/// header, so it costs microseconds and no memory.
/// </summary>
public static class PhotoInspector
{
    public static PhotoInspection Inspect(byte[] bytes, long maxPixels)
    {
        if (bytes.Length == 0)
            return PhotoInspection.Refuse(UploadRefusal.BadForm("The file is empty."));

        if (FileSignatures.Identify(bytes, out var otherwise) is not { } format)
            return PhotoInspection.Refuse(UploadRefusal.NotAnImage(
                $"The file is {otherwise}. Only JPEG, PNG and WebP photos are accepted; the type is read from the bytes, " +
                "never from the file name or the declared content type.", "wrong-type"));

        var name = Name(format);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
            return PhotoInspection.Refuse(UploadRefusal.Damaged(
                $"The file starts like a {name} but its header cannot be read: it is damaged or truncated.", "bad-header"));
        if (codec.EncodedFormat != Expected(format))
            return PhotoInspection.Refuse(UploadRefusal.NotAnImage(
                $"The file starts like a {name} but decodes as {codec.EncodedFormat}.", "format-mismatch"));

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
            return PhotoInspection.Refuse(UploadRefusal.Damaged($"The {name} header gives an empty size ({width} × {height}).", "bad-header"));
        if ((long)width * height > maxPixels)
            return PhotoInspection.Refuse(UploadRefusal.TooManyPixels(
                Invariant($"The {name} header claims {width:N0} × {height:N0} pixels ({Megapixels((long)width * height)} megapixels); ") +
                $"the limit is {Megapixels(maxPixels)} megapixels. It was refused before decoding."));
        if (codec.FrameCount > 1)
            return PhotoInspection.Refuse(UploadRefusal.NotAnImage(
                $"The {name} is animated ({codec.FrameCount} frames); only still photos are accepted.", "animated"));

        if (ContainerStructure.Check(format, bytes) is { } broken)
            return PhotoInspection.Refuse(broken);
        if (MarkupScanner.Find(bytes) is { } marker)
            return PhotoInspection.Refuse(UploadRefusal.NotAnImage(
                $"The {name} also contains web-page markup ('{marker}'): it is a polyglot that a browser could run as a page. " +
                "Export the photo again from an image editor.", "polyglot"));

        var (uprightWidth, uprightHeight) = Orientation.Upright(codec.EncodedOrigin, width, height);
        return PhotoInspection.Accept(new InspectedPhoto(format, uprightWidth, uprightHeight, codec.EncodedOrigin, bytes.Length));
    }

    public static string Name(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => "JPEG",
        ImageFormat.Png => "PNG",
        _ => "WebP",
    };

    static SKEncodedImageFormat Expected(ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => SKEncodedImageFormat.Jpeg,
        ImageFormat.Png => SKEncodedImageFormat.Png,
        _ => SKEncodedImageFormat.Webp,
    };

    static string Megapixels(long pixels) => (pixels / 1_000_000.0).ToString(pixels % 1_000_000 == 0 ? "N0" : "N1", System.Globalization.CultureInfo.InvariantCulture);
}
