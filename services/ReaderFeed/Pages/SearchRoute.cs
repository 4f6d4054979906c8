using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Search;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>GET /search?q=: full-text results with highlighted fragments. Not kept in memory (queries are unbounded).</summary>
public static class SearchRoute
{
    const int Limit = 20;

    public static async Task<CachedResult> Handle(string? q, SiteContext site, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        var head = new PageHead(query.Length > 0 ? $"Search: {query} — {site.Site.SiteName}" : $"Search — {site.Site.SiteName}") { NoIndex = true };
        if (query.Length > ArticleSearch.MaxQueryLength)
        {
            var tooLong = new SearchPageModel(site.Site, head, query[..ArticleSearch.MaxQueryLength],
                $"Search terms can be at most {ArticleSearch.MaxQueryLength} characters long.", []);
            return new CachedResult(await RenderAsync(site, tooLong, StatusCodes.Status400BadRequest));
        }

        IReadOnlyList<SearchResult> results = [];
        if (query.Length > 0)
        {
            var hits = await site.Search.SearchAsync(query, Limit, cancellationToken);
            await using var session = site.Store.QuerySession();
            var articles = (await session.ArticlesAsync(hits.Select(h => h.Id), cancellationToken)).Where(a => a.IsLive).ToDictionary(a => a.Id);
            var media = await session.HeroMediaAsync(articles.Values, cancellationToken);
            results = hits.Where(h => articles.ContainsKey(h.Id))
                .Select(h => new SearchResult(site.Presenter.Card(articles[h.Id], media), h.HeadlineHtml, h.SnippetHtml)).ToList();
        }
        return new CachedResult(await RenderAsync(site, new SearchPageModel(site.Site, head, query, null, results), StatusCodes.Status200OK));
    }

    static async Task<CachedResponse> RenderAsync(SiteContext site, SearchPageModel model, int status) =>
        new(status, SiteContext.Html, await site.Renderer.RenderAsync<SearchPage, SearchPageModel>(model), null);
}
