using SkiaSharp;

namespace NewsPlatform.Media.Renditions;

/// <summary>
/// EXIF orientation as a transform from the stored pixels to the upright picture. Cameras store
/// a portrait shot as landscape pixels plus a tag; renditions carry no tag, so they must be turned.
/// </summary>
public static class Orientation
{
    public static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    public static (int Width, int Height) Upright(SKEncodedOrigin origin, int width, int height) =>
        SwapsAxes(origin) ? (height, width) : (width, height);

    /// <summary>Maps a stored pixel (x, y) of a <paramref name="w"/>×<paramref name="h"/> image to its upright position.</summary>
    public static SKMatrix Matrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),      // mirrored
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),  // turned 180°
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),    // flipped
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),        // transposed
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),      // needs 90° clockwise
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),  // transverse
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),    // needs 90° counter-clockwise
        _ => SKMatrix.Identity,
    };
}
