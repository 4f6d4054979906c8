using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.History;

/// <summary>An article's past, rebuilt from its stream: revisions, any old version, the difference between two, and the audit trail.</summary>
public static class ArticleHistoryEndpoints
{
    public static async Task<Results<Ok<IReadOnlyList<RevisionEntry>>, NotFound>> Revisions(Guid id, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(ArticleHistory.Revisions(events));
    }

    /// <summary>The article exactly as GET returned it at <paramref name="version"/>, rebuilt from the stream.</summary>
    public static async Task<Results<Ok<ArticleResponse>, NotFound>> Revision(
        Guid id, long version, IQuerySession session, Sections sections, HttpContext http, CancellationToken ct)
    {
        if (version < 1) return TypedResults.NotFound();
        var events = await session.Events.FetchStreamAsync(id, version, token: ct);
        if (events.Count < version || Article.Fold(events.Select(e => e.Data)) is not { } article) return TypedResults.NotFound();
        http.Response.Headers.ETag = VersionTag.ETag(article.Version);
        return TypedResults.Ok(ArticleResponse.From(article, sections));
    }

    public static async Task<Results<Ok<ArticleDiff>, NotFound, ValidationProblem>> Diff(
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

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, NotFound>> Audit(Guid id, IQuerySession session, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        return events.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(ArticleHistory.Audit(events));
    }
}
