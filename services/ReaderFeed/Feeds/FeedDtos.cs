using System.Text.Json.Serialization;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Pages;

namespace NewsPlatform.ReaderFeed.Feeds;

public sealed record HeroImageDto(string? Url, string Credit, string Caption, string Alt, string? Srcset, string? WebpSrcset, int? Width, int? Height)
{
    public static HeroImageDto? From(HeroImage? hero) => hero is null ? null
        : new(hero.Src, hero.Credit, hero.Caption, hero.Alt, hero.Srcset, hero.WebpSrcset, hero.Width, hero.Height);
}

public sealed record CorrectionDto(string Note, DateTime At);

/// <summary>An article in the JSON feed (API.md), with the body and corrections when asked for one article.</summary>
public sealed record FeedItemDto(
    Guid Id, string Slug, string Section, string Url, string CanonicalUrl, string Headline, string Standfirst,
    IReadOnlyList<string> Authors, IReadOnlyList<string> Tags, DateTime PublishedAt, DateTime? UpdatedAt, HeroImageDto? HeroImage)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? BodyHtml { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyList<CorrectionDto>? Corrections { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Rank { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? HeadlineHtml { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Snippet { get; init; }

    public static FeedItemDto From(ArticleView view, IReadOnlyDictionary<Guid, MediaView> media, Presenter presenter)
    {
        var a = view.Article!;
        var hero = a.HeroMediaId is { } id ? Media.HeroImage.From(media.GetValueOrDefault(id)) : null;
        return new FeedItemDto(view.Id, a.Slug, view.Section, view.Path, presenter.Absolute(view.Path), a.Headline, a.Standfirst,
            a.Authors, a.Tags, a.PublishedAt.UtcDateTime, view.UpdatedAt?.UtcDateTime, HeroImageDto.From(hero));
    }
}

public sealed record FeedPageDto(IReadOnlyList<FeedItemDto> Items, string? NextCursor);

/// <summary>
/// A page of search results (API.md). <paramref name="Matches"/> counts the articles ranked; when
/// <paramref name="MoreMatches"/>, more match and the newest <paramref name="Matches"/> were ranked.
/// </summary>
public sealed record SearchResultsDto(string Query, IReadOnlyList<FeedItemDto> Items, string? NextCursor, string? DidYouMean,
    int Matches, bool MoreMatches);
