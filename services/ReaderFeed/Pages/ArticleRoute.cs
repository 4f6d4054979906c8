using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>GET /{section}/{slug}: the article, a 301 from an old slug, 410 once unpublished, or 404.</summary>
public static class ArticleRoute
{
    public static async Task<CachedResult> Handle(string section, string slug, SiteContext site)
    {
        if (Sections.IsReserved(section)) return new CachedResult(await site.NotFoundAsync());
        var path = ArticleView.PathOf(section, slug);
        // Sections and slugs are lower case; a link typed or shared in capitals still arrives.
        if (path.Any(char.IsUpper)) return new CachedResult(await site.RedirectAsync(path.ToLowerInvariant()));
        return new CachedResult(await site.Cache.GetOrRenderAsync("article:" + path, () => RenderAsync(site, path)));
    }

    static async Task<CachedResponse> RenderAsync(SiteContext site, string path)
    {
        await using var session = site.Store.QuerySession();
        switch (await session.FindByPathAsync(path, CancellationToken.None))
        {
            case PathLookup.Found found:
                return await RenderArticleAsync(site, session, found.Article);
            case PathLookup.MovedTo moved:
                return await site.RedirectAsync(moved.Path);
            case PathLookup.Gone:
                return await site.GoneAsync();
            default:
                return await site.NotFoundAsync();
        }
    }

    static async Task<CachedResponse> RenderArticleAsync(SiteContext site, Marten.IQuerySession session, ArticleView view)
    {
        var presenter = site.Presenter;
        var a = view.Article!;
        var media = a.HeroMediaId is { } mediaId ? await session.LoadAsync<MediaView>(mediaId) : null;
        var hero = HeroImage.From(media);
        var (trending, trendingAsOf) = await site.TrendingAsync(session);
        var head = new PageHead($"{a.Headline} — {site.Site.SiteName}", a.Standfirst, presenter.Absolute(view.Path))
        {
            CurrentSection = view.Section,
            Meta = ArticleMetadata.Social(presenter, view, hero),
            JsonLd = ArticleMetadata.JsonLd(presenter, view, hero),
            ViewBeacon = true,
        };
        var model = new ArticlePageModel(site.Site, head, view.Id, view.Section, presenter.Sections.NameOf(view.Section),
            a.Headline, a.Standfirst, presenter.Authors(a.Authors), presenter.Time(a.PublishedAt),
            view.UpdatedAt is { } updated ? presenter.Time(updated) : null, hero, site.Body.ToHtml(a.Body),
            a.Corrections.NewestFirst().Select(c => new CorrectionNote(c.Note, presenter.Time(c.At))).ToList(), trending);
        var body = await site.Renderer.RenderAsync<ArticlePage, ArticlePageModel>(model);
        return new CachedResponse(StatusCodes.Status200OK, SiteContext.Html, body,
            SiteContext.Latest(view.LastChangedAt, media?.LastChangedAt, trendingAsOf));
    }
}
