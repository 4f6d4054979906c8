using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.Trending.Ranking;

namespace NewsPlatform.Trending.Replay;

/// <summary>
/// Trending as it was at <c>asOf</c> with <c>halfLife</c>; <c>tolerance</c> is the largest relative
/// difference from what the live endpoint answered then that minute bucketing can explain.
/// </summary>
public sealed record ReplayResponse(IReadOnlyList<TrendingItem> Items, DateTimeOffset AsOf, TimeSpan HalfLife, double Tolerance);

public static class GetReplay
{
    static readonly TimeSpan ShortestHalfLife = TimeSpan.FromMinutes(1);
    static readonly TimeSpan LongestHalfLife = TimeSpan.FromDays(7);

    public static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> Handle(
        DateTimeOffset? at, TimeSpan? halfLife, string? section, int? limit,
        ReplayReader replay, TimeProvider clock, IOptions<TrendingOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (query, problem) = TrendingQuery.Parse(section, limit, settings);
        if (problem is not null) return problem;

        var now = clock.GetUtcNow();
        var h = halfLife ?? settings.HalfLife;
        var error = at switch
        {
            null => "'at' is required: the instant to replay, ISO-8601 such as 2025-01-14T12:36:00Z.",
            { } t when t > now => $"'at' ({t:O}) is in the future; replay shows what trended, not what will.",
            { } t when t < now - settings.ReplayRetention => $"Per-minute views are kept for {settings.ReplayRetention.TotalDays:0.#} days; 'at' is older.",
            _ when h < ShortestHalfLife || h > LongestHalfLife => $"'halfLife' must be between {ShortestHalfLife} and {LongestHalfLife} (like 00:30:00); it was {h}.",
            _ => null,
        };
        if (error is not null) return TrendingQuery.Invalid(error).Item2!;

        var instant = at!.Value.ToUniversalTime();
        var candidates = await replay.CandidatesAsync(instant, query.Section, cancellationToken);
        var minutes = candidates.Count == 0 ? [] : await replay.MinutesAsync(candidates.Keys.ToList(), instant - ReplayScorer.Horizon(h), instant, cancellationToken);
        var ranked = ReplayScorer.ScoresAt(minutes, instant, h)
            .Select(s => new RankedArticle(s.ArticleId, s.Score, s.LastMinute, candidates[s.ArticleId].PublishedAt));
        var items = TrendingOrder.Top(ranked, query.Limit)
            .Select(r => Item(candidates[r.ArticleId], r.Score))
            .ToList();
        return TypedResults.Ok(new ReplayResponse(items, instant, h, ReplayScorer.Tolerance(h)));
    }

    static TrendingItem Item(ReplayCandidate article, double score) =>
        new(article.ArticleId, article.Headline, article.Url, article.Section, score);
}
