using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>GET /{section} and GET /authors/{author}: articles newest first, with an "Older articles" link.</summary>
public static class ListRoutes
{
    const int PageSize = 20;

    public static async Task<CachedResult> Section(string section, string? cursor, SiteContext site)
    {
        if (Sections.IsReserved(section)) return new CachedResult(await site.NotFoundAsync());
        if (section.Any(char.IsUpper)) return new CachedResult(await site.RedirectAsync("/" + section.ToLowerInvariant()));
        return await ListAsync(site, "section:" + section, cursor, async (session, after) =>
        {
            var articles = await session.LatestAsync(PageSize + 1, section: section, after: after);
            if (articles.Count == 0 && after is null && !site.Presenter.Sections.IsConfigured(section)) return null;
            var name = site.Presenter.Sections.NameOf(section);
            var head = new PageHead($"{name} — {site.Site.SiteName}", $"The latest {name} articles from {site.Site.SiteName}.",
                site.Presenter.Absolute("/" + section))
            {
                CurrentSection = section,
                RssUrl = $"/{section}/rss.xml",
                RssTitle = $"{site.Site.SiteName}: {name}",
            };
            return (head, name, null, articles, $"/{section}", section);
        });
    }

    public static async Task<CachedResult> Author(string author, string? cursor, SiteContext site) =>
        await ListAsync(site, "author:" + author, cursor, async (session, after) =>
        {
            var articles = await session.LatestAsync(PageSize + 1, authorSlug: author, after: after);
            var name = articles.SelectMany(a => a.Article!.Authors).FirstOrDefault(n => UrlSlug.From(n) == author);
            if (name is null) return null;
            var head = new PageHead($"{name} — {site.Site.SiteName}", $"Articles written by {name}.",
                site.Presenter.Absolute("/authors/" + author));
            return (head, name, $"Articles written by {name}, newest first.", articles, $"/authors/{author}", null);
        });

    delegate Task<(PageHead Head, string Heading, string? Intro, IReadOnlyList<ArticleView> Articles, string Path, string? Section)?> Query(
        IQuerySession session, FeedCursor? after);

    static async Task<CachedResult> ListAsync(SiteContext site, string key, string? cursor, Query query)
    {
        FeedCursor? after = null;
        if (cursor is not null && !FeedCursor.TryParse(cursor, out after))
            return new CachedResult(await site.NoticeAsync(StatusCodes.Status400BadRequest, "Invalid link", "This link is not valid",
                "The page position in this address is not one we gave out. Start again from the first page."));
        // Only first pages are kept in memory: cursors are unbounded input.
        return new CachedResult(after is null
            ? await site.Cache.GetOrRenderAsync(key, () => RenderAsync(site, query, null))
            : await RenderAsync(site, query, after));
    }

    static async Task<CachedResponse> RenderAsync(SiteContext site, Query query, FeedCursor? after)
    {
        await using var session = site.Store.QuerySession();
        if (await query(session, after) is not { } list) return await site.NotFoundAsync();
        var page = list.Articles.Take(PageSize).ToList();
        var older = list.Articles.Count > PageSize ? $"{list.Path}?cursor={FeedCursor.After(page[^1])}" : null;
        var media = await session.HeroMediaAsync(page, CancellationToken.None);
        var (trending, trendingAsOf) = await site.TrendingAsync(session, list.Section);
        var model = new ListPageModel(site.Site, list.Head, list.Heading, list.Intro, site.Presenter.Cards(page, media), older, trending);
        var body = await site.Renderer.RenderAsync<ListPage, ListPageModel>(model);
        return new CachedResponse(StatusCodes.Status200OK, SiteContext.Html, body,
            SiteContext.Latest([.. page.Select(a => (DateTimeOffset?)a.LastChangedAt), .. media.Values.Select(m => (DateTimeOffset?)m.LastChangedAt), trendingAsOf]));
    }
}
