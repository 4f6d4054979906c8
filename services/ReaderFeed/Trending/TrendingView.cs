using NewsPlatform.Contracts.Trending;

namespace NewsPlatform.ReaderFeed.Trending;

/// <summary>The newest "Trending Now" list for the whole site (<see cref="SiteWide"/>) or one section.</summary>
public sealed record TrendingView
{
    public const string SiteWide = "site";

    /// <summary><see cref="SiteWide"/> or a section slug.</summary>
    public string Id { get; set; } = SiteWide;
    public DateTimeOffset AsOf { get; init; }
    public Guid EventId { get; init; }
    public IReadOnlyList<TrendingItem> Items { get; init; } = [];
}
