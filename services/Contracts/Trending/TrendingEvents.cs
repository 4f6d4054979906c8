namespace NewsPlatform.Contracts.Trending;

public sealed record TrendingItem(Guid ArticleId, string Headline, string Url, string Section, double Score);

/// <summary>
/// The top-N changed. <paramref name="Section"/> is null for the site-wide list. A consumer keeps
/// the list with the newest <paramref name="AsOf"/> and ignores older ones.
/// </summary>
public sealed record TrendingChangedV1(
    Guid EventId, DateTimeOffset OccurredAt, DateTimeOffset AsOf,
    string? Section, IReadOnlyList<TrendingItem> Items) : IIntegrationEvent;
