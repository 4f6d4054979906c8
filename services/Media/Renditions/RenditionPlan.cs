namespace NewsPlatform.Media.Renditions;

public sealed record RenditionSize(int Width, int Height);

/// <summary>Which widths a photo is rendered at, for <c>srcset</c>.</summary>
public static class RenditionPlan
{
    public static readonly IReadOnlyList<int> StandardWidths = [320, 640, 1024, 1600, 2400];
    public static readonly IReadOnlyList<string> Formats = ["jpg", "webp"];

    /// <summary>
    /// Every standard width narrower than the photo, plus the photo's own width when it is below the
    /// largest standard width — never an upscale, and even a 1×1 or 300 px image has one rendition.
    /// Heights keep the aspect ratio and are at least one pixel (a 6000×10 banner stays drawable).
    /// </summary>
    public static IReadOnlyList<RenditionSize> For(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var widths = StandardWidths.Where(w => w < width).ToList();
        if (width <= StandardWidths[^1]) widths.Add(width);
        return widths.Select(w => new RenditionSize(w, Math.Max(1, (int)Math.Round((double)height * w / width)))).ToList();
    }

    public static string ContentType(string format) => format == "webp" ? "image/webp" : "image/jpeg";
}
