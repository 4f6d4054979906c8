using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsPlatform.Contracts.Trending;

namespace NewsPlatform.Trending.Ranking;

/// <summary>Trending Now as it stands: <c>asOf</c> is the instant every score was decayed to.</summary>
public sealed record TrendingResponse(IReadOnlyList<TrendingItem> Items, DateTimeOffset AsOf);

public static class GetTrending
{
    public static async Task<Results<Ok<TrendingResponse>, ProblemHttpResult>> Handle(
        string? section, int? limit, TrendingReader reader, TimeProvider clock, IOptions<TrendingOptions> options,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var (query, problem) = TrendingQuery.Parse(section, limit, options.Value);
        if (problem is not null) return problem;

        var asOf = clock.GetUtcNow();
        var items = await reader.TopAsync(query.Section, query.Limit, asOf, cancellationToken);
        // Scores move every second; a shared cache may hold an answer that long and no longer.
        response.Headers.CacheControl = "public, max-age=1";
        return TypedResults.Ok(new TrendingResponse(items, asOf));
    }
}
