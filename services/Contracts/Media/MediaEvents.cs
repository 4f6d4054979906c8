namespace NewsPlatform.Contracts.Media;

/// <summary>One encoded size of a photo, e.g. 640 px WebP at <c>/media/{id}/640.webp</c>.</summary>
public sealed record Rendition(int Width, int Height, string Format, string Url);

/// <summary>A point of interest for cropping, each coordinate in 0..1.</summary>
public sealed record FocalPoint(double X, double Y);

/// <summary>
/// Everything a page needs to show a photo without calling Media back. A credit-only asset
/// (imported archives) has no width, height or renditions.
/// </summary>
public sealed record PublicMediaAsset(
    Guid MediaId,
    int? Width,
    int? Height,
    string Credit,
    string Caption,
    string Alt,
    FocalPoint? FocalPoint,
    IReadOnlyList<Rendition> Renditions);

/// <summary>A photo's renditions are ready (or a credit-only asset was recorded).</summary>
public sealed record MediaAssetReadyV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    PublicMediaAsset Asset) : IStreamIntegrationEvent;

/// <summary>Credit, caption, alt text or focal point changed.</summary>
public sealed record MediaAssetUpdatedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    PublicMediaAsset Asset) : IStreamIntegrationEvent;

/// <summary>A photo was withdrawn; pages stop showing it.</summary>
public sealed record MediaAssetRetiredV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    Guid MediaId) : IStreamIntegrationEvent;
