using NewsPlatform.Contracts.Media;

namespace NewsPlatform.Media.Assets;

/// <summary>What other services learn about an asset: everything a page needs to show it, with absolute-path URLs.</summary>
public static class PublicMediaAssets
{
    public static PublicMediaAsset ToPublic(this MediaAsset asset) => new(
        asset.Id,
        asset.Width,
        asset.Height,
        asset.Credit,
        asset.Caption,
        asset.Alt,
        asset.FocalPoint is { } f ? new Contracts.Media.FocalPoint(f.X, f.Y) : null,
        asset.Renditions.Select(r => new Rendition(r.Width, r.Height, r.Format, r.Url(asset.Id))).ToList());
}
