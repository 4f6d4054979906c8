using System.Text;
using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Rendering;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ReaderFeed.Trending;
using NewsPlatform.Rendering;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>What every page handler uses, bundled once.</summary>
public sealed record SiteContext(IDocumentStore Store, Presenter Presenter, ComponentRenderer Renderer, PageCache Cache,
    ArticleBody Body, ArticleSearch Search, TimeProvider Time)
{
    public const string Html = "text/html; charset=utf-8";

    public SiteChrome Site => Presenter.Site;

    /// <summary>
    /// The "Trending Now" box and when it was computed: a section's own list on its pages when Trending
    /// publishes one, the site-wide list everywhere else.
    /// </summary>
    public async Task<(IReadOnlyList<TrendingEntry> Items, DateTimeOffset? AsOf)> TrendingAsync(IQuerySession session, string? section = null)
    {
        var trending = (section is null ? null : await session.TrendingAsync(section, CancellationToken.None))
            ?? await session.TrendingAsync(TrendingView.SiteWide, CancellationToken.None);
        if (trending is null) return ([], null);
        var known = await session.ArticlesAsync(trending.Items.Select(i => i.ArticleId), CancellationToken.None);
        return (Presenter.Trending(trending, known), trending.AsOf);
    }

    public async Task<CachedResponse> NoticeAsync(int status, string title, string heading, string message)
    {
        var model = new NoticePageModel(Site, new PageHead($"{title} — {Site.SiteName}") { NoIndex = true }, heading, message);
        return new CachedResponse(status, Html, await Renderer.RenderAsync<NoticePage, NoticePageModel>(model), null);
    }

    public Task<CachedResponse> NotFoundAsync() =>
        NoticeAsync(StatusCodes.Status404NotFound, "Page not found", "Page not found",
            "We could not find that page. It may never have existed, or the address may be mistyped.");

    public Task<CachedResponse> GoneAsync() =>
        NoticeAsync(StatusCodes.Status410Gone, "Article removed", "This article has been removed",
            "The article that was published at this address is no longer available.");

    /// <summary>
    /// A permanent redirect to <paramref name="location"/>, the only way the site issues one: a target
    /// that is not a path of this site (<see cref="SitePath.IsSameSite"/>) answers 404 instead.
    /// </summary>
    public async Task<CachedResponse> RedirectAsync(string location) =>
        SitePath.IsSameSite(location)
            ? new(StatusCodes.Status301MovedPermanently, Html,
                Encoding.UTF8.GetBytes($"<!DOCTYPE html><title>Moved</title><p>This article has moved to <a href=\"{System.Net.WebUtility.HtmlEncode(location)}\">{System.Net.WebUtility.HtmlEncode(location)}</a>.</p>"),
                null, location)
            : await NotFoundAsync();

    /// <summary>Last-Modified of a page: the newest change among what it shows.</summary>
    public static DateTimeOffset? Latest(params IEnumerable<DateTimeOffset?> times)
    {
        DateTimeOffset? latest = null;
        foreach (var time in times)
            if (time is { } t && (latest is null || t > latest)) latest = t;
        return latest;
    }
}
