using System.Security.Cryptography;
using SkiaSharp;

namespace NewsPlatform.Media.Renditions;

/// <summary>One encoded rendition, ready to store.</summary>
public sealed record RenderedRendition(int Width, int Height, string Format, byte[] Bytes)
{
    /// <summary>A strong validator for HTTP caching: the bytes' own hash.</summary>
    public string ETag { get; } = "\"" + Convert.ToHexStringLower(SHA256.HashData(Bytes))[..32] + "\"";
}

/// <summary>All renditions of a photo, or why its pixels could not be decoded.</summary>
public sealed record RenderOutcome(IReadOnlyList<RenderedRendition> Renditions, string? Failure);

/// <summary>
/// Decodes a photo once, turns it upright (EXIF orientation), converts it to sRGB and re-encodes
/// it at every planned width as JPEG and WebP. Encoding from raw, untagged pixels writes no EXIF,
/// XMP, GPS or ICC profile: nothing of the original file but its pixels reaches a reader.
/// </summary>
public static class RenditionRenderer
{
    const int JpegQuality = 82;
    const float WebpQuality = 80;
    static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public static RenderOutcome Render(byte[] original)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null) return new([], "the image header can no longer be read");

        var origin = codec.EncodedOrigin;
        var (uprightWidth, uprightHeight) = Orientation.Upright(origin, codec.Info.Width, codec.Info.Height);
        var plan = RenditionPlan.For(uprightWidth, uprightHeight);

        // Decode no larger than the widest rendition needs: JPEG decodes at n/8 scales and WebP at
        // any size, which saves most of the decode time and memory of a big photo. PNG decodes whole.
        var size = DecodeSize(codec, origin, plan[^1], plan[^1].Width / (float)uprightWidth);
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType,
            opaque ? SKAlphaType.Opaque : SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        using var pixels = new SKBitmap(info);
        var result = codec.GetPixels(info, pixels.GetPixels());
        if (result != SKCodecResult.Success)
            return new([], $"the image data could not be decoded ({result})");
        pixels.SetImmutable();
        using var image = SKImage.FromBitmap(pixels);

        var orient = Orientation.Matrix(origin, info.Width, info.Height);
        (uprightWidth, uprightHeight) = Orientation.Upright(origin, info.Width, info.Height);

        var renditions = new List<RenderedRendition>();
        foreach (var target in plan)
        {
            var scale = SKMatrix.CreateScale((float)target.Width / uprightWidth, (float)target.Height / uprightHeight);
            var transform = SKMatrix.Concat(scale, orient);
            // JPEG has no alpha: transparent areas become white, as on the page, not black.
            using var flat = Draw(image, target, transform, SKColors.White, SKAlphaType.Opaque);
            renditions.Add(new(target.Width, target.Height, "jpg", Encode(flat, new SKJpegEncoderOptions(JpegQuality))));
            using var withAlpha = opaque ? null : Draw(image, target, transform, SKColors.Transparent, SKAlphaType.Premul);
            renditions.Add(new(target.Width, target.Height, "webp",
                Encode(withAlpha ?? flat, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality))));
        }
        return new(renditions, null);
    }

    /// <summary>A size the codec decodes to directly that still covers <paramref name="widest"/>, else the full size.</summary>
    static SKSizeI DecodeSize(SKCodec codec, SKEncodedOrigin origin, RenditionSize widest, float scale)
    {
        var full = codec.Info.Size;
        if (scale >= 1) return full;
        var scaled = codec.GetScaledDimensions(scale);
        var (width, height) = Orientation.Upright(origin, scaled.Width, scaled.Height);
        var covers = width >= widest.Width && height >= widest.Height && scaled.Width <= full.Width && scaled.Height <= full.Height;
        return covers ? scaled : full;
    }

    static SKBitmap Draw(SKImage image, RenditionSize size, SKMatrix transform, SKColor background, SKAlphaType alpha)
    {
        // No colour-space tag on the target: the source is already sRGB (what an untagged image means
        // on the web), and an untagged bitmap makes the encoders write no ICC profile.
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, alpha));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(background);
        canvas.SetMatrix(transform);
        canvas.DrawImage(image, 0, 0, Smooth);
        canvas.Flush();
        return bitmap;
    }

    static byte[] Encode(SKBitmap bitmap, SKJpegEncoderOptions options)
    {
        using var pixmap = Pixels(bitmap);
        using var encoded = pixmap.Encode(options) ?? throw new InvalidOperationException("JPEG encoding failed.");
        return encoded.ToArray();
    }

    static byte[] Encode(SKBitmap bitmap, SKWebpEncoderOptions options)
    {
        using var pixmap = Pixels(bitmap);
        using var encoded = pixmap.Encode(options) ?? throw new InvalidOperationException("WebP encoding failed.");
        return encoded.ToArray();
    }

    static SKPixmap Pixels(SKBitmap bitmap) =>
        bitmap.PeekPixels() ?? throw new InvalidOperationException("A freshly drawn bitmap has no pixels.");
}
