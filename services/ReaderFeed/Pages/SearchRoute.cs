using System.Globalization;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Search;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>
/// GET /search?q=&amp;page=&amp;asof=: full-text results with highlighted fragments, numbered pages and a spelling
/// suggestion. Page links carry the first page's moment (<c>asof</c>, Unix milliseconds), so paging through one
/// search shows each result once even while articles are published. Not kept in memory (queries are unbounded).
/// </summary>
public static class SearchRoute
{
    public const int PageSize = 20;

    public static async Task<CachedResult> Handle(string? q, string? page, string? asof, SiteContext site, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        var head = new PageHead(query.Length > 0 ? $"Search: {query} — {site.Site.SiteName}" : $"Search — {site.Site.SiteName}")
        {
            NoIndex = true,
            SiteSearch = false,
        };
        var maxPage = Math.Max(1, site.Search.Candidates / PageSize);

        string? problem = null;
        var number = 1;
        DateTimeOffset? asOf = null;
        if (query.Length > ArticleSearch.MaxQueryLength)
            problem = $"Search terms can be at most {ArticleSearch.MaxQueryLength} characters long; these are {query.Length}.";
        else if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1 || number > maxPage))
            problem = $"The page number must be a whole number from 1 to {maxPage}; “{page}” is not.";
        else if (asof is not null && !TryParseAsOf(asof, out asOf))
            problem = "The search link is damaged (its asof is not a time in Unix milliseconds); search again.";
        if (problem is not null)
        {
            var invalid = new SearchPageModel(site.Site, head, query[..Math.Min(query.Length, ArticleSearch.MaxQueryLength)], problem, []);
            return new CachedResult(await RenderAsync(site, invalid, StatusCodes.Status400BadRequest));
        }
        if (query.Length == 0)
            return new CachedResult(await RenderAsync(site, new SearchPageModel(site.Site, head, "", null, []), StatusCodes.Status200OK));

        var advice = await site.Search.AdviseAsync(query, cancellationToken);
        var model = new SearchPageModel(site.Site, head, query, null, [])
        {
            DidYouMean = advice.DidYouMean,
            DidYouMeanUrl = advice.DidYouMean is { } suggestion ? Url(suggestion, 1, null) : null,
        };
        if (!advice.HasSearchableWords)
            return new CachedResult(await RenderAsync(site, model with
            {
                Problem = "Those words are too common to search for, or there are none: add a more specific word.",
            }, StatusCodes.Status200OK));

        var results = await site.Search.SearchAsync(query, asOf, PageSize, cancellationToken, offset: (number - 1) * PageSize);
        await using var session = site.Store.QuerySession();
        var articles = (await session.ArticlesAsync(results.Hits.Select(h => h.Id), cancellationToken)).Where(a => a.IsLive).ToDictionary(a => a.Id);
        var media = await session.HeroMediaAsync(articles.Values, cancellationToken);
        var pages = (results.Matches + PageSize - 1) / PageSize;
        model = model with
        {
            Results = results.Hits.Where(h => articles.ContainsKey(h.Id))
                .Select(h => new SearchResult(site.Presenter.Card(articles[h.Id], media), h.HeadlineHtml, h.SnippetHtml)).ToList(),
            Page = number,
            Matches = results.Matches,
            MoreMatches = results.MoreMatches,
            Pages = pages <= 1 ? [] : PageWindow(number, pages).Select(n => new PageLink(n, n == number ? null : Url(query, n, results.AsOf))).ToList(),
            PreviousUrl = number > 1 ? Url(query, number - 1, results.AsOf) : null,
            NextUrl = results.HasMore ? Url(query, number + 1, results.AsOf) : null,
        };
        return new CachedResult(await RenderAsync(site, model, StatusCodes.Status200OK));
    }

    /// <summary>The first and last page and up to three either side of the current one.</summary>
    internal static IEnumerable<int> PageWindow(int current, int pages) =>
        Enumerable.Range(1, pages).Where(n => n == 1 || n == pages || Math.Abs(n - current) <= 3);

    static string Url(string query, int page, DateTimeOffset? asOf)
    {
        var url = $"/search?q={Uri.EscapeDataString(query)}";
        if (page > 1) url += $"&page={page.ToString(CultureInfo.InvariantCulture)}";
        if (asOf is { } at) url += $"&asof={at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
        return url;
    }

    /// <summary>A moment in Unix milliseconds (the search takes the database's clock instead of a later one).</summary>
    static bool TryParseAsOf(string text, out DateTimeOffset? asOf)
    {
        asOf = null;
        if (text.Length > 15 || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)) return false;
        asOf = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    static async Task<CachedResponse> RenderAsync(SiteContext site, SearchPageModel model, int status) =>
        new(status, SiteContext.Html, await site.Renderer.RenderAsync<SearchPage, SearchPageModel>(model), null);
}
