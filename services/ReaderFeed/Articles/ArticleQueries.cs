using Marten;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Trending;

namespace NewsPlatform.ReaderFeed.Articles;

/// <summary>What a URL under /{section}/{slug} resolves to.</summary>
public abstract record PathLookup
{
    public sealed record Found(ArticleView Article) : PathLookup;
    public sealed record MovedTo(string Path) : PathLookup;
    public sealed record Gone(ArticleView Article) : PathLookup;
    public sealed record Missing : PathLookup;
}

/// <summary>The reads pages and feeds make against the read models.</summary>
public static class ArticleQueries
{
    /// <summary>Live articles newest first, optionally in one section or by one author, after a cursor.</summary>
    public static async Task<IReadOnlyList<ArticleView>> LatestAsync(this IQuerySession session, int limit,
        string? section = null, string? authorSlug = null, FeedCursor? after = null, CancellationToken cancellationToken = default)
    {
        var where = new List<string> { "status = ?" };
        var parameters = new List<object> { nameof(ArticleStatus.Live) };
        if (section is not null)
        {
            where.Add("section = ?");
            parameters.Add(section);
        }
        if (authorSlug is not null)
        {
            where.Add("author_slugs @> ?");
            parameters.Add(new[] { authorSlug });
        }
        if (after is not null)
        {
            where.Add("(published_at, id) < (?, ?)");
            parameters.Add(after.PublishedAt.ToUniversalTime());
            parameters.Add(after.Id);
        }
        parameters.Add(limit);
        var sql = $"where {string.Join(" and ", where)} order by published_at desc, id desc limit ?";
        return await session.QueryAsync<ArticleView>(sql, cancellationToken, parameters.ToArray());
    }

    public static async Task<PathLookup> FindByPathAsync(this IQuerySession session, string path, CancellationToken cancellationToken)
    {
        var candidates = (await session.QueryAsync<ArticleView>(
                "where path = ? or previous_paths @> ?", cancellationToken, path, new[] { path }))
            .OrderByDescending(a => a.PublishedAt).ToList();

        if (candidates.FirstOrDefault(a => a.IsLive && a.Path == path) is { } current) return new PathLookup.Found(current);
        if (candidates.FirstOrDefault(a => a.IsLive) is { } renamed) return new PathLookup.MovedTo(renamed.Path);
        if (candidates.FirstOrDefault() is { } gone) return new PathLookup.Gone(gone);
        return new PathLookup.Missing();
    }

    public static async Task<IReadOnlyDictionary<Guid, MediaView>> HeroMediaAsync(this IQuerySession session,
        IEnumerable<ArticleView> articles, CancellationToken cancellationToken)
    {
        var ids = articles.Select(a => a.Article?.HeroMediaId).OfType<Guid>().Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, MediaView>();
        var media = await session.LoadManyAsync<MediaView>(cancellationToken, ids);
        return media.ToDictionary(m => m.Id);
    }

    public static async Task<IReadOnlyList<ArticleView>> ArticlesAsync(this IQuerySession session, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var list = ids.Distinct().ToArray();
        return list.Length == 0 ? [] : await session.LoadManyAsync<ArticleView>(cancellationToken, list);
    }

    public static Task<TrendingView?> TrendingAsync(this IQuerySession session, string scope, CancellationToken cancellationToken) =>
        session.LoadAsync<TrendingView>(scope, cancellationToken);
}
