using NewsPlatform.Contracts.Articles;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>What every page's frame needs: the site, its sections and its assets.</summary>
public sealed record SiteChrome(string SiteName, string SiteUrl, string Language, IReadOnlyList<Section> Sections,
    string StylesheetUrl, string BeaconUrl, string IconUrl);

public sealed record MetaTag(string Attribute, string Key, string Content);

/// <summary>The document head: title, description, canonical link, social tags, structured data.</summary>
public sealed record PageHead(string Title, string? Description = null, string? CanonicalUrl = null)
{
    public bool NoIndex { get; init; }
    public string? CurrentSection { get; init; }
    public IReadOnlyList<MetaTag> Meta { get; init; } = [];
    /// <summary>JSON-LD, already escaped for embedding in a script element.</summary>
    public string? JsonLd { get; init; }
    public string? RssUrl { get; init; }
    public string? RssTitle { get; init; }
    public bool ViewBeacon { get; init; }
    /// <summary>The masthead's search box; off on the search page, which has its own.</summary>
    public bool SiteSearch { get; init; } = true;
}

public sealed record TimeDisplay(string Iso, string Text);

public sealed record AuthorLink(string Name, string Url);

public sealed record TrendingEntry(string Headline, string Url);

public sealed record ArticleCard(Guid Id, string Url, string Headline, string Standfirst, string SectionSlug, string SectionName,
    IReadOnlyList<AuthorLink> Authors, TimeDisplay Published, HeroImage? Image);

public sealed record CorrectionNote(string Note, TimeDisplay At);

public sealed record ArticlePageModel(
    SiteChrome Site, PageHead Head, Guid ArticleId, string SectionSlug, string SectionName, string Headline, string Standfirst,
    IReadOnlyList<AuthorLink> Authors, TimeDisplay Published, TimeDisplay? Updated, HeroImage? Hero, string BodyHtml,
    IReadOnlyList<CorrectionNote> Corrections, IReadOnlyList<TrendingEntry> Trending);

public sealed record SectionBlock(Section Section, IReadOnlyList<ArticleCard> Cards);

public sealed record HomePageModel(SiteChrome Site, PageHead Head, ArticleCard? Lead, IReadOnlyList<ArticleCard> Latest,
    IReadOnlyList<SectionBlock> Sections, IReadOnlyList<TrendingEntry> Trending);

public sealed record ListPageModel(SiteChrome Site, PageHead Head, string Heading, string? Intro, IReadOnlyList<ArticleCard> Cards,
    string? OlderUrl, IReadOnlyList<TrendingEntry> Trending);

public sealed record SearchResult(ArticleCard Card, string HeadlineHtml, string SnippetHtml);

/// <summary>A link to one page of results; <paramref name="Url"/> is null for the page being shown.</summary>
public sealed record PageLink(int Number, string? Url);

public sealed record SearchPageModel(SiteChrome Site, PageHead Head, string Query, string? Problem, IReadOnlyList<SearchResult> Results)
{
    public int Page { get; init; } = 1;
    /// <summary>How many articles the results were ranked from; <see cref="MoreMatches"/> when more match.</summary>
    public int Matches { get; init; }
    public bool MoreMatches { get; init; }
    public IReadOnlyList<PageLink> Pages { get; init; } = [];
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
    public string? DidYouMean { get; init; }
    public string? DidYouMeanUrl { get; init; }
}

public sealed record NoticePageModel(SiteChrome Site, PageHead Head, string Heading, string Message);

internal static class PublicArticleExtensions
{
    public static IEnumerable<PublicCorrection> NewestFirst(this IEnumerable<PublicCorrection> corrections) =>
        corrections.OrderByDescending(c => c.At);
}
