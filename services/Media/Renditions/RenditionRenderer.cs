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

    // Bilinear is smooth as long as no step shrinks by more than half; larger reductions are done
    // in halving steps. Far cheaper than mipmapped (trilinear) sampling of the full photo per width.
    static readonly SKSamplingOptions Bilinear = new(SKFilterMode.Linear, SKMipmapMode.None);

    public static RenderOutcome Render(byte[] original)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null) return new([], "the image header can no longer be read");

        var origin = codec.EncodedOrigin;
        var (uprightWidth, uprightHeight) = Orientation.Upright(origin, codec.Info.Width, codec.Info.Height);
        var plan = RenditionPlan.For(uprightWidth, uprightHeight);
        var widest = plan[^1];

        // Decode no larger than the widest rendition needs: JPEG decodes at n/8 scales and WebP at
        // any size, which saves most of the decode time and memory of a big photo. PNG decodes whole.
        var size = DecodeSize(codec, origin, widest, widest.Width / (float)uprightWidth);
        var opaque = codec.Info.AlphaType == SKAlphaType.Opaque;
        var alpha = opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, alpha, SKColorSpace.CreateSrgb());
        var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            decoded.Dispose();
            return new([], $"the image data could not be decoded ({result})");
        }

        // Upright at the widest size first (orientation applied once), then each smaller size from
        // the one before it. Resizing is cheap; encoding (WebP above all) is the cost, so the
        // encodes then run in parallel over all cores while only this photo's pixels are held.
        var (rawWidestWidth, rawWidestHeight) = Orientation.SwapsAxes(origin) ? (widest.Height, widest.Width) : (widest.Width, widest.Height);
        var source = HalveWhileLarger(decoded, rawWidestWidth, rawWidestHeight);
        var sized = new List<(RenditionSize Size, SKBitmap Bitmap)>();
        try
        {
            var (width, height) = Orientation.Upright(origin, source.Width, source.Height);
            sized.Add((widest, Draw(source, widest.Width, widest.Height, width, height, Orientation.Matrix(origin, source.Width, source.Height), alpha)));
            source.Dispose(); // the full decode is the largest buffer: free it before encoding (Dispose is idempotent)
            foreach (var target in plan.Reverse().Skip(1))
            {
                var larger = sized[^1].Bitmap;
                var step = HalveWhileLarger(larger, target.Width, target.Height, keepOriginal: true);
                sized.Add((target, Resize(step, target.Width, target.Height, alpha)));
                if (!ReferenceEquals(step, larger)) step.Dispose();
            }

            var jobs = sized.SelectMany(s => new[] { (s.Size, s.Bitmap, Format: "webp"), (s.Size, s.Bitmap, Format: "jpg") }).ToList();
            var renditions = new RenderedRendition[jobs.Count];
            Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            {
                var job = jobs[i];
                var bytes = job.Format == "webp"
                    ? Encode(job.Bitmap, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, WebpQuality))
                    : EncodeJpeg(job.Bitmap, opaque);
                renditions[i] = new(job.Size.Width, job.Size.Height, job.Format, bytes);
            });
            return new(renditions.OrderBy(r => r.Width).ThenBy(r => r.Format == "webp").ToList(), null);
        }
        finally
        {
            source.Dispose();
            foreach (var (_, bitmap) in sized) bitmap.Dispose();
        }
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

    /// <summary>
    /// Halves <paramref name="bitmap"/> until one more halving would go below width × height. The
    /// bitmaps it replaces are disposed, except the one passed in when <paramref name="keepOriginal"/>.
    /// </summary>
    static SKBitmap HalveWhileLarger(SKBitmap bitmap, int width, int height, bool keepOriginal = false)
    {
        var original = bitmap;
        while (bitmap.Width >= 2 * width && bitmap.Height >= 2 * height)
        {
            var half = Resize(bitmap, bitmap.Width / 2, bitmap.Height / 2, bitmap.AlphaType);
            if (!keepOriginal || !ReferenceEquals(bitmap, original)) bitmap.Dispose();
            bitmap = half;
        }
        return bitmap;
    }

    static SKBitmap Resize(SKBitmap source, int width, int height, SKAlphaType alpha) =>
        Draw(source, width, height, source.Width, source.Height, SKMatrix.Identity, alpha);

    /// <summary>
    /// Draws <paramref name="source"/> turned upright by <paramref name="orient"/> (after which it
    /// measures <paramref name="uprightWidth"/> × <paramref name="uprightHeight"/>) and scaled to width × height.
    /// </summary>
    static SKBitmap Draw(SKBitmap source, int width, int height, int uprightWidth, int uprightHeight, SKMatrix orient, SKAlphaType alpha)
    {
        // The stored sRGB pixels are drawn without a colour-space tag: untagged means sRGB on the
        // web, and untagged bitmaps make the encoders write no ICC profile.
        var target = new SKBitmap(new SKImageInfo(width, height, SKImageInfo.PlatformColorType, alpha));
        source.SetImmutable(); // lets the image share the pixels instead of copying them
        using var image = SKImage.FromBitmap(source);
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(SKMatrix.Concat(SKMatrix.CreateScale((float)width / uprightWidth, (float)height / uprightHeight), orient));
        canvas.DrawImage(image, 0, 0, Bilinear);
        canvas.Flush();
        return target;
    }

    /// <summary>JPEG has no alpha: transparent areas become white, as on the page, not black.</summary>
    static byte[] EncodeJpeg(SKBitmap bitmap, bool opaque)
    {
        if (opaque) return Encode(bitmap, new SKJpegEncoderOptions(JpegQuality));
        using var flat = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(flat))
        {
            canvas.Clear(SKColors.White);
            bitmap.SetImmutable();
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, 0, 0, Bilinear);
        }
        return Encode(flat, new SKJpegEncoderOptions(JpegQuality));
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
