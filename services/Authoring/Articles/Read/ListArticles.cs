using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Read;

public static class ListArticles
{
    const int DefaultPageSize = 20;
    const int MaxPageSize = 100;

    /// <summary>Most recently changed first; <c>nextCursor</c> continues where the page ended.</summary>
    public static async Task<Results<Ok<ArticleListResponse>, ValidationProblem>> Handle(
        string? status, string? section, string? cursor, int? limit, IQuerySession session, Sections sections, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        ArticleStatus? wantedStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (Enum.TryParse<ArticleStatus>(status, ignoreCase: true, out var parsed) && !int.TryParse(status, out _)) wantedStatus = parsed;
            else errors["status"] = [$"Use one of {string.Join(", ", Enum.GetNames<ArticleStatus>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."];
        }
        var wantedSection = string.IsNullOrEmpty(section) ? null : sections.Find(section);
        if (!string.IsNullOrEmpty(section) && wantedSection is null) errors["section"] = [$"Use one of {sections.Describe()}."];
        long? after = null;
        if (!string.IsNullOrEmpty(cursor))
        {
            if (long.TryParse(cursor, out var c) && c > 0) after = c;
            else errors["cursor"] = ["Use the nextCursor of the previous page."];
        }
        if (limit is < 1 or > MaxPageSize) errors["limit"] = [$"Between 1 and {MaxPageSize}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var query = session.Query<Article>().AsQueryable();
        if (wantedStatus is { } s) query = query.Where(a => a.Status == s);
        if (wantedSection is not null) query = query.Where(a => a.Content.Section == wantedSection.Name);
        if (after is { } before) query = query.Where(a => a.Sequence < before);
        var size = limit ?? DefaultPageSize;
        var page = await query.OrderByDescending(a => a.Sequence).Take(size + 1).ToListAsync(ct);

        var items = page.Take(size).Select(a => ArticleResponse.From(a, sections)).ToList();
        var next = page.Count > size ? page[size - 1].Sequence.ToString() : null;
        return TypedResults.Ok(new ArticleListResponse(items, next));
    }
}
