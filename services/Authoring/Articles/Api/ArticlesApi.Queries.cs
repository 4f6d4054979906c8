using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.History;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Api;

public static partial class ArticlesApi
{
    const int DefaultPageSize = 20;
    const int MaxPageSize = 100;

    /// <summary>Most recently changed first; <c>nextCursor</c> continues where the page ended.</summary>
    static async Task<Results<Ok<ArticleListResponse>, ValidationProblem>> List(
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

    static async Task<Results<Ok<ArticleResponse>, NotFound, StatusCodeHttpResult>> Get(
        Guid id, IQuerySession session, Sections sections, HttpContext http, CancellationToken ct)
    {
        if (await session.LoadAsync<Article>(id, ct) is not { } article) return TypedResults.NotFound();
        http.Response.Headers.ETag = VersionTag.ETag(article.Version);
        if (http.Request.Headers.IfNoneMatch.ToString() == VersionTag.ETag(article.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(ArticleResponse.From(article, sections));
    }

    static async Task<Results<Ok<IReadOnlyList<RevisionEntry>>, NotFound>> Revisions(Guid id, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(ArticleHistory.Revisions(events));
    }

    /// <summary>The article exactly as GET returned it at <paramref name="version"/>, rebuilt from the stream.</summary>
    static async Task<Results<Ok<ArticleResponse>, NotFound>> Revision(
        Guid id, long version, IQuerySession session, Sections sections, HttpContext http, CancellationToken ct)
    {
        if (version < 1) return TypedResults.NotFound();
        var events = await session.Events.FetchStreamAsync(id, version, token: ct);
        if (events.Count < version || Article.Fold(events.Select(e => e.Data)) is not { } article) return TypedResults.NotFound();
        http.Response.Headers.ETag = VersionTag.ETag(article.Version);
        return TypedResults.Ok(ArticleResponse.From(article, sections));
    }

    static async Task<Results<Ok<ArticleDiff>, NotFound, ValidationProblem>> Diff(
        Guid id, long? from, long? to, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) return TypedResults.NotFound();
        var last = events[^1].Version;
        var toVersion = to ?? last;
        var fromVersion = from ?? Math.Max(1, toVersion - 1);
        if (fromVersion < 1 || toVersion > last || fromVersion > toVersion)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["from"] = [$"Versions run from 1 to {last}, and from must not be after to."],
            });

        var before = Article.Fold(events.TakeWhile(e => e.Version <= fromVersion).Select(e => e.Data))!;
        var after = Article.Fold(events.TakeWhile(e => e.Version <= toVersion).Select(e => e.Data))!;
        return TypedResults.Ok(ArticleHistory.Diff(before, after));
    }

    static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, NotFound>> Audit(Guid id, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(ArticleHistory.Audit(events));
    }
}
