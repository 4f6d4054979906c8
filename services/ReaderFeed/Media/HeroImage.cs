using NewsPlatform.Contracts.Media;

namespace NewsPlatform.ReaderFeed.Media;

/// <summary>
/// A photo as pages show it: a fallback <c>img</c> (JPEG or PNG) with <c>srcset</c>, an optional WebP
/// <c>source</c>, alt text, caption and credit. A credit-only asset (archive imports) has no image: pages
/// show the credit and caption without a broken <c>img</c>.
/// </summary>
public sealed record HeroImage(
    Guid MediaId, string? Src, string? Srcset, string? WebpSrcset, int? Width, int? Height,
    string Alt, string Caption, string Credit, IReadOnlyList<string> Urls)
{
    public const string Sizes = "(min-width: 1100px) 720px, (min-width: 700px) 90vw, 100vw";

    public bool HasImage => Src is not null;

    /// <summary>"Photo: Stefan Bruder / Shutterstock.com", whether or not the credit already says "Photo:".</summary>
    public string CreditLine => Credit.Length == 0 ? "" : "Photo: " + Credit;

    public static HeroImage? From(MediaView? media)
    {
        if (media is not { IsVisible: true, Asset: { } asset }) return null;
        var usable = asset.Renditions.Where(r => IsSafeUrl(r.Url) && r.Width > 0).OrderBy(r => r.Width).ToList();
        var webp = usable.Where(r => Is(r, "webp")).ToList();
        var fallback = usable.Where(r => Is(r, "jpg") || Is(r, "jpeg")).ToList();
        if (fallback.Count == 0) fallback = usable.Where(r => Is(r, "png")).ToList();
        if (fallback.Count == 0) (fallback, webp) = (webp, []);
        var src = fallback.LastOrDefault(r => r.Width <= 1280) ?? fallback.FirstOrDefault();
        return new HeroImage(
            asset.MediaId,
            src?.Url,
            fallback.Count > 0 ? SrcsetOf(fallback) : null,
            webp.Count > 0 ? SrcsetOf(webp) : null,
            src?.Width ?? asset.Width,
            src is { Height: > 0 } ? src.Height : asset.Height,
            asset.Alt ?? "",
            asset.Caption ?? "",
            StripPhotoPrefix(asset.Credit ?? ""),
            usable.OrderByDescending(r => r.Width).Select(r => r.Url).Distinct().ToList());
    }

    static string SrcsetOf(IEnumerable<Rendition> renditions) =>
        string.Join(", ", renditions.DistinctBy(r => r.Width).Select(r => $"{r.Url} {r.Width}w"));

    static bool Is(Rendition r, string format) => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase);

    /// <summary>Renditions are served by the platform: a site-relative path or an http(s) URL, nothing that breaks a srcset.</summary>
    internal static bool IsSafeUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.All(c => !char.IsWhiteSpace(c) && c != ',' && !char.IsControl(c))
        && ((url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal))
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase));

    static string StripPhotoPrefix(string credit)
    {
        var trimmed = credit.Trim();
        return trimmed.StartsWith("Photo:", StringComparison.OrdinalIgnoreCase) ? trimmed[6..].Trim() : trimmed;
    }
}
