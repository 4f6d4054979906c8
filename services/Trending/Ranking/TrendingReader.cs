using Microsoft.Extensions.Options;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.Trending.Storage;
using Npgsql;
using NpgsqlTypes;

namespace NewsPlatform.Trending.Ranking;

/// <summary>
/// The live top-N, read straight from the scores: each score decayed to <c>now</c> in SQL, only articles
/// that are live right now (an unpublished article drops out on the next read), ordered as
/// <see cref="TrendingOrder"/> says.
/// </summary>
public sealed class TrendingReader(NpgsqlDataSource database, TrendingTables tables, IOptions<TrendingOptions> options)
{
    string LiveScores => $"""
        select a.article_id, a.headline, a.url, a.section,
               s.score * {ScoreSql.Decay(ScoreSql.Seconds("s.scored_at", "$1"), options.Value.HalfLife)} as score,
               s.last_view_at, a.published_at
        from {tables.Scores} s join {tables.Articles} a on a.article_id = s.article_id
        where a.published
        """;

    const string Order = "score desc, last_view_at desc, published_at desc nulls last, article_id";

    public async Task<IReadOnlyList<TrendingItem>> TopAsync(string? section, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"select * from ({LiveScores}) live where $2::text is null or section = $2 order by {Order} limit $3");
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)section ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var items = new List<TrendingItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) items.Add(Item(reader));
        return items;
    }

    /// <summary>The site-wide list and one list per section that has any trending article, each <paramref name="size"/> long at most.</summary>
    public async Task<IReadOnlyList<TrendingList>> SnapshotAsync(NpgsqlConnection connection, int size, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select * from (
              select live.*, row_number() over (order by {Order}) as overall_rank,
                     row_number() over (partition by section order by {Order}) as section_rank
              from ({LiveScores}) live) ranked
            where overall_rank <= $2 or section_rank <= $2
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)size });
        var rows = new List<(TrendingItem Item, long Overall, long InSection)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                rows.Add((Item(reader), reader.GetInt64(7), reader.GetInt64(8)));
        }

        var lists = new List<TrendingList>
        {
            new(null, rows.Where(r => r.Overall <= size).OrderBy(r => r.Overall).Select(r => r.Item).ToList()),
        };
        lists.AddRange(rows.Where(r => r.InSection <= size)
            .GroupBy(r => r.Item.Section)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TrendingList(g.Key, g.OrderBy(r => r.InSection).Select(r => r.Item).ToList())));
        return lists;
    }

    static TrendingItem Item(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetDouble(4));
}
