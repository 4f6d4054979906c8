using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsPlatform.Trending.Ranking;

/// <summary>The <c>section</c> and <c>limit</c> shared by the live and replay endpoints, checked.</summary>
public sealed partial record TrendingQuery(string? Section, int Limit)
{
    public static (TrendingQuery Query, ProblemHttpResult? Problem) Parse(string? section, int? limit, TrendingOptions options)
    {
        var slug = string.IsNullOrWhiteSpace(section) ? null : section.Trim().ToLowerInvariant();
        if (slug is not null && !SectionSlug().IsMatch(slug))
            return Invalid($"'section' must be a section slug such as 'news' or 'world' (letters, digits and hyphens), not '{section}'.");
        var size = limit ?? options.TopN;
        if (size < 1 || size > options.MaxLimit)
            return Invalid($"'limit' must be between 1 and {options.MaxLimit}; it was {size}.");
        return (new TrendingQuery(slug, size), null);
    }

    public static (TrendingQuery, ProblemHttpResult?) Invalid(string detail) =>
        (new TrendingQuery(null, 0), TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid"));

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SectionSlug();
}
