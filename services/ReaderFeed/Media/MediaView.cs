using System.Text.Json.Serialization;
using NewsPlatform.Contracts.Media;

namespace NewsPlatform.ReaderFeed.Media;

/// <summary>
/// What pages know about one photo: credit, caption, alt text and renditions, or that it was retired.
/// An article may name its hero photo before or after this arrives; pages join the two when rendering.
/// </summary>
public sealed record MediaView
{
    public Guid Id { get; set; }
    public long Version { get; init; }
    public Guid VersionEventId { get; init; }
    public PublicMediaAsset? Asset { get; init; }
    public long RetiredVersion { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>Shown on pages: known and not retired by a later event.</summary>
    [JsonIgnore] public bool IsVisible => Asset is not null && Version > RetiredVersion;
}
