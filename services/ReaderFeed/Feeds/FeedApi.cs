using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Newsroom;
using NewsPlatform.ReaderFeed.Pages;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Feeds;

/// <summary>The JSON feed API: articles newest first with cursor pagination, one article, and search.</summary>
public static class FeedApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    const string Json = "application/json; charset=utf-8";
    static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapFeedApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feed").WithTags("Feed");
        api.MapMethods("/articles", [HttpMethods.Get, HttpMethods.Head], ListArticles)
            .WithName("ListArticles").Produces<FeedPageDto>(StatusCodes.Status200OK, "application/json");
        api.MapMethods("/articles/{id:guid}", [HttpMethods.Get, HttpMethods.Head], GetArticle)
            .WithName("GetArticle").Produces<FeedItemDto>(StatusCodes.Status200OK, "application/json");
        api.MapMethods("/search", [HttpMethods.Get, HttpMethods.Head], SearchArticles)
            .WithName("SearchArticles").Produces<SearchResultsDto>(StatusCodes.Status200OK, "application/json");
        return app;
    }

    static async Task<Results<CachedResult, ProblemHttpResult>> ListArticles(
        SiteContext site, string? section, string? author, string? cursor, int? limit)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
            return Problem($"limit must be between 1 and {MaxLimit}; it was {take}.");
        FeedCursor? after = null;
        if (cursor is not null && !FeedCursor.TryParse(cursor, out after))
            return Problem("cursor is not one this API returned; use nextCursor from a previous page.");
        if (section is not null && (section.Length == 0 || UrlSlug.From(section) != section))
            return Problem($"section must be a section slug such as 'news'; '{section}' is not.");
        if (author is not null && (author.Length == 0 || UrlSlug.From(author) != author))
            return Problem($"author must be an author slug such as 'camilla-jessen'; '{author}' is not.");

        Task<CachedResponse> Render() => RenderListAsync(site, section, author, after, take);
        // Only bounded keys are kept in memory: no cursor, no author, a configured section or none.
        var cacheable = after is null && author is null && (section is null || site.Presenter.Sections.IsConfigured(section));
        return new CachedResult(cacheable ? await site.Cache.GetOrRenderAsync($"api:articles:{section}:{take}", Render) : await Render());
    }

    static async Task<CachedResponse> RenderListAsync(SiteContext site, string? section, string? author, FeedCursor? after, int take)
    {
        await using var session = site.Store.QuerySession();
        var articles = await session.LatestAsync(take + 1, section, author, after);
        var page = articles.Take(take).ToList();
        var media = await session.HeroMediaAsync(page, CancellationToken.None);
        var next = articles.Count > take ? FeedCursor.After(page[^1]).ToString() : null;
        var dto = new FeedPageDto(page.Select(a => FeedItemDto.From(a, media, site.Presenter)).ToList(), next);
        return JsonResponse(dto, SiteContext.Latest([.. page.Select(a => (DateTimeOffset?)a.LastChangedAt), .. media.Values.Select(m => (DateTimeOffset?)m.LastChangedAt)]));
    }

    static async Task<Results<CachedResult, ProblemHttpResult>> GetArticle(Guid id, SiteContext site)
    {
        var response = await site.Cache.GetOrRenderAsync($"api:article:{id}", async () =>
        {
            await using var session = site.Store.QuerySession();
            var view = await session.LoadAsync<ArticleView>(id);
            if (view is null) return ProblemResponse(StatusCodes.Status404NotFound, "Article not found", $"There is no article {id}.");
            if (!view.IsLive) return ProblemResponse(StatusCodes.Status410Gone, "Article unpublished", $"Article {id} has been unpublished.");
            var media = await session.HeroMediaAsync([view], CancellationToken.None);
            var a = view.Article!;
            var dto = FeedItemDto.From(view, media, site.Presenter) with
            {
                BodyHtml = site.Body.ToHtml(a.Body),
                Corrections = a.Corrections.NewestFirst().Select(c => new CorrectionDto(c.Note, c.At.UtcDateTime)).ToList(),
            };
            return JsonResponse(dto, SiteContext.Latest(view.LastChangedAt, media.Values.FirstOrDefault()?.LastChangedAt));
        });
        return new CachedResult(response);
    }

    static async Task<Results<CachedResult, ProblemHttpResult>> SearchArticles(
        SiteContext site, string? q, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var query = (q ?? "").Trim();
        if (query.Length == 0) return Problem("q is required: the words to search for.");
        if (query.Length > ArticleSearch.MaxQueryLength)
            return Problem($"q can be at most {ArticleSearch.MaxQueryLength} characters long; it was {query.Length}.");
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit) return Problem($"limit must be between 1 and {MaxLimit}; it was {take}.");
        SearchCursor? after = null;
        if (cursor is not null && !SearchCursor.TryParse(cursor, out after))
            return Problem("cursor is not one this API returned; use nextCursor from a previous page of the same search.");

        var advice = await site.Search.AdviseAsync(query, cancellationToken);
        if (!advice.HasSearchableWords)
            return Problem($"q has no word to search for: '{query}' is only words too common to search for, or punctuation.");

        var results = await site.Search.SearchAsync(query, null, take, cancellationToken, after: after);
        await using var session = site.Store.QuerySession();
        var articles = (await session.ArticlesAsync(results.Hits.Select(h => h.Id), cancellationToken)).Where(a => a.IsLive).ToDictionary(a => a.Id);
        var media = await session.HeroMediaAsync(articles.Values, cancellationToken);
        var items = results.Hits.Where(h => articles.ContainsKey(h.Id)).Select(h => FeedItemDto.From(articles[h.Id], media, site.Presenter) with
        {
            Rank = Math.Round(h.Score, 6),
            HeadlineHtml = h.HeadlineHtml,
            Snippet = h.SnippetHtml,
        }).ToList();
        return new CachedResult(JsonResponse(new SearchResultsDto(query, items, results.NextCursor?.ToString(), advice.DidYouMean, results.Matches, results.MoreMatches), null));
    }

    static CachedResponse JsonResponse<T>(T value, DateTimeOffset? lastModified) =>
        new(StatusCodes.Status200OK, Json, JsonSerializer.SerializeToUtf8Bytes(value, Options), lastModified);

    static CachedResponse ProblemResponse(int status, string title, string detail) =>
        new(status, "application/problem+json; charset=utf-8",
            JsonSerializer.SerializeToUtf8Bytes(new { type = $"https://httpstatuses.io/{status}", title, status, detail }, Options), null);

    static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");
}
