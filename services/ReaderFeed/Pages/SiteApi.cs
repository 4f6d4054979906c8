using System.Text;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Feeds;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>The public reader site: pages, RSS, sitemaps, robots.txt, and the 404 page for everything else.</summary>
public static class SiteApi
{
    static readonly string[] Read = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapReaderSite(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription();
        site.MapMethods("/", Read, HomeRoute.Handle);
        site.MapMethods("/search", Read, SearchRoute.Handle);
        site.MapMethods("/authors/{author}", Read, ListRoutes.Author);
        site.MapMethods("/rss.xml", Read, RssFeed.Site);
        site.MapMethods("/sitemap.xml", Read, Sitemaps.Index);
        site.MapMethods("/sitemaps/{name}", Read, Sitemaps.Part);
        site.MapMethods("/sitemap-news.xml", Read, Sitemaps.News);
        site.MapMethods("/robots.txt", Read, Robots);
        site.MapMethods("/{section}/rss.xml", Read, RssFeed.Section);
        site.MapMethods("/{section}", Read, ListRoutes.Section);
        site.MapMethods("/{section}/{slug}", Read, ArticleRoute.Handle);
        app.MapFallback(NotFound);
        return app;
    }

    static CachedResult Robots(SiteContext site) => new(new CachedResponse(StatusCodes.Status200OK, "text/plain; charset=utf-8",
        Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nDisallow: /search\nSitemap: {site.Site.SiteUrl}/sitemap.xml\nSitemap: {site.Site.SiteUrl}/sitemap-news.xml\n"), null));

    static async Task<IResult> NotFound(HttpContext context, SiteContext site) =>
        context.Request.Path.StartsWithSegments("/api")
            ? TypedResults.Problem($"There is no API resource at {context.Request.Path}.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : new CachedResult(await site.NotFoundAsync());
}
