using System.Globalization;
using Marten;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Storage;
using Npgsql;

namespace NewsPlatform.Trending.Scoring;

/// <summary>
/// The repeat rule across every node: the same reader on the same article within the window counts once,
/// decided in PostgreSQL inside the scoring transaction. Each view is an insert-or-update of its (reader,
/// article) row that only takes effect when the stored view is at least a window away; the rows it returns
/// are the views that count. Rows lock in a fixed order, so competing scorers do not deadlock, and they
/// commit (or roll back) with the scores and the processed-batch row, so a redelivered batch counts once.
/// The cookie handed out with a view recognised by its address hash is stored as a second row (its alias).
/// </summary>
public static class RepeatCheck
{
    public static async Task<(IReadOnlyList<ArticleViews> Counted, long Repeats)> ApplyAsync(
        IDocumentSession session, IReadOnlyList<ArticleViews> views, TimeSpan window, CancellationToken cancellationToken)
    {
        if (window <= TimeSpan.Zero) return (views.Select(v => v with { Readers = null }).ToList(), 0);

        var plan = RepeatPasses.Split(views);
        var counted = new List<ReaderArticleView>();
        long repeats = 0;
        if (plan.Passes.Count > 0)
        {
            await session.BeginTransactionAsync(cancellationToken);
            var sql = Sql(session.DocumentStore.Options.DatabaseSchemaName, window);
            foreach (var pass in plan.Passes)
            {
                var passed = await CheckAsync((NpgsqlConnection)session.Connection!, sql, pass, cancellationToken);
                counted.AddRange(pass.Where(v => passed.Contains((v.Reader, v.ArticleId))));
                repeats += pass.Count - passed.Count;
            }
        }
        return ([.. plan.Unchecked.Select(v => v with { Readers = null }), .. RepeatPasses.Counts(counted)], repeats);
    }

    static async Task<HashSet<(Guid, Guid)>> CheckAsync(
        NpgsqlConnection connection, string sql, IReadOnlyList<ReaderArticleView> pass, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters =
            {
                new NpgsqlParameter { Value = pass.Select(v => v.Reader).ToArray() },
                new NpgsqlParameter { Value = pass.Select(v => v.Alias).ToArray() },
                new NpgsqlParameter { Value = pass.Select(v => v.ArticleId).ToArray() },
                new NpgsqlParameter { Value = pass.Select(v => v.Second).ToArray() },
            },
        };
        var passed = new HashSet<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) passed.Add((reader.GetGuid(0), reader.GetGuid(1)));
        return passed;
    }

    /// <summary>
    /// A view counts if no view of the pair is stored, or the stored one is a window or more away (before or
    /// after: batches from different nodes arrive in any order). The row keeps the later of the two.
    /// </summary>
    static string Sql(string schema, TimeSpan window) =>
        $"""
        with incoming as (
          select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[]) as v(reader_id, alias_id, article_id, at)
        ), aliases as (
          insert into {schema}.{TrendingSchema.ReaderViews} (reader_id, article_id, counted_at)
          select alias_id, article_id, at from incoming where alias_id is not null order by alias_id, article_id
          on conflict (reader_id, article_id) do nothing
        )
        insert into {schema}.{TrendingSchema.ReaderViews} as r (reader_id, article_id, counted_at)
        select reader_id, article_id, at from incoming order by reader_id, article_id
        on conflict (reader_id, article_id) do update set counted_at = greatest(r.counted_at, excluded.counted_at)
          where abs(extract(epoch from excluded.counted_at - r.counted_at)) >= {window.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)}
        returning reader_id, article_id
        """;
}
