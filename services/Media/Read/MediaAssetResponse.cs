using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Renditions;
using NewsPlatform.ServiceDefaults.Http;

namespace NewsPlatform.Media.Read;

public sealed record RenditionResponse(int Width, int Height, string Format, string Url);

/// <summary>
/// The asset as the API shows it. While a photo is <c>processing</c>, <see cref="Renditions"/> lists
/// the renditions being produced (their URLs answer 404 until the status is <c>ready</c>); a
/// credit-only or retired asset has none.
/// </summary>
public sealed record MediaAssetResponse(
    Guid Id, long Version, string Status, int? Width, int? Height, string? ContentType,
    string Credit, string Caption, string Alt, FocalPoint? FocalPoint,
    IReadOnlyList<RenditionResponse> Renditions, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? RetiredReason)
{
    public static MediaAssetResponse From(MediaAsset asset) => new(
        asset.Id, asset.Version, StatusName(asset.Status), asset.Width, asset.Height, asset.ContentType,
        asset.Credit, asset.Caption, asset.Alt, asset.FocalPoint, RenditionsOf(asset),
        asset.CreatedAt, asset.UpdatedAt, asset.RetiredReason);

    public string ETag => VersionTag.ETag(Version);

    static IReadOnlyList<RenditionResponse> RenditionsOf(MediaAsset asset) => asset.Status switch
    {
        MediaStatus.Ready => asset.Renditions.Select(r => new RenditionResponse(r.Width, r.Height, r.Format, r.Url(asset.Id))).ToList(),
        MediaStatus.Processing when asset is { Width: { } w, Height: { } h } =>
            RenditionPlan.For(w, h)
                .SelectMany(size => RenditionPlan.Formats.Select(format =>
                    new RenditionResponse(size.Width, size.Height, format, $"/media/{asset.Id}/{size.Width}.{format}")))
                .ToList(),
        _ => [],
    };

    static string StatusName(MediaStatus status) => status switch
    {
        MediaStatus.Processing => "processing",
        MediaStatus.Ready => "ready",
        MediaStatus.CreditOnly => "credit-only",
        _ => "retired",
    };
}
