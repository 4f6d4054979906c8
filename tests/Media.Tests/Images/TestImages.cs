using SkiaSharp;

namespace NewsPlatform.Media.Tests.Images;

/// <summary>
/// Real images drawn in the test. Each quadrant has its own colour (top-left red, top-right green,
/// bottom-left blue, bottom-right yellow) so a test can tell which way up a rendition is.
/// </summary>
public static class TestImages
{
    public static readonly SKColor TopLeft = SKColors.Red;
    public static readonly SKColor TopRight = SKColors.Lime;
    public static readonly SKColor BottomLeft = SKColors.Blue;
    public static readonly SKColor BottomRight = SKColors.Yellow;

    public static byte[] Jpeg(int width, int height, int quality = 90) => Encode(Quadrants(width, height), SKEncodedImageFormat.Jpeg, quality);

    public static byte[] Png(int width, int height) => Encode(Quadrants(width, height), SKEncodedImageFormat.Png, 100);

    public static byte[] WebP(int width, int height) => Encode(Quadrants(width, height), SKEncodedImageFormat.Webp, 90);

    /// <summary>A PNG whose left half is fully transparent and right half opaque green.</summary>
    public static byte[] HalfTransparentPng(int width, int height)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var paint = new SKPaint { Color = SKColors.Lime };
            canvas.DrawRect(width / 2f, 0, width / 2f, height, paint);
        }
        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>
    /// A camera-style portrait: landscape pixels (<paramref name="storedWidth"/> × <paramref name="storedHeight"/>)
    /// plus an EXIF orientation tag (6 = turn 90° clockwise to view) and a GPS position that must never reach a reader.
    /// </summary>
    public static byte[] PortraitJpegWithExif(int storedWidth, int storedHeight, ushort orientation = 6) =>
        Exif.Insert(Jpeg(storedWidth, storedHeight), orientation);

    static SKBitmap Quadrants(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        var (hw, hh) = (width / 2f, height / 2f);
        Fill(canvas, 0, 0, hw, hh, TopLeft);
        Fill(canvas, hw, 0, width - hw, hh, TopRight);
        Fill(canvas, 0, hh, hw, height - hh, BottomLeft);
        Fill(canvas, hw, hh, width - hw, height - hh, BottomRight);
        if (width == 1 && height == 1) bitmap.SetPixel(0, 0, TopLeft);
        return bitmap;
    }

    static void Fill(SKCanvas canvas, float x, float y, float w, float h, SKColor color)
    {
        using var paint = new SKPaint { Color = color };
        canvas.DrawRect(x, y, w, h, paint);
    }

    static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using (bitmap)
        using (var data = bitmap.Encode(format, quality))
            return data.ToArray();
    }

    /// <summary>Decodes bytes the way a browser would (EXIF orientation ignored: renditions carry none).</summary>
    public static SKBitmap Decode(byte[] bytes) => SKBitmap.Decode(bytes) ?? throw new InvalidOperationException("The bytes do not decode as an image.");

    /// <summary>True when <paramref name="actual"/> is within <paramref name="tolerance"/> of <paramref name="expected"/> on every channel.</summary>
    public static bool Near(SKColor actual, SKColor expected, int tolerance = 40) =>
        Math.Abs(actual.Red - expected.Red) <= tolerance && Math.Abs(actual.Green - expected.Green) <= tolerance
        && Math.Abs(actual.Blue - expected.Blue) <= tolerance && Math.Abs(actual.Alpha - expected.Alpha) <= tolerance;
}
