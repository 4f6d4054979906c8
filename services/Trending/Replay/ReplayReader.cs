using NewsPlatform.Trending.Scoring;
using NewsPlatform.Trending.Storage;
using Npgsql;
using NpgsqlTypes;

namespace NewsPlatform.Trending.Replay;

/// <summary>An article that may appear in a replay, described as readers see it today.</summary>
public sealed record ReplayCandidate(Guid ArticleId, string Headline, string Url, string Section, DateTimeOffset? PublishedAt);

/// <summary>Loads what replay needs: which articles were live at the instant, and their minute counts before it.</summary>
public sealed class ReplayReader(NpgsqlDataSource database, TrendingTables tables)
{
    /// <summary>
    /// Articles live at <paramref name="at"/> (their latest version by then was a publish), in
    /// <paramref name="section"/> as it was then — and still live now: a replay never brings back a
    /// headline the newsroom has since taken down.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, ReplayCandidate>> CandidatesAsync(DateTimeOffset at, string? section, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"""
            with then_state as (
              select distinct on (h.article_id) h.article_id, h.published, h.section
              from {tables.ArticleHistory} h where h.occurred_at <= $1
              order by h.article_id, h.stream_version desc)
            select a.article_id, a.headline, a.url, a.section, a.published_at
            from then_state t join {tables.Articles} a on a.article_id = t.article_id
            where t.published and a.published and ($2::text is null or t.section = $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)section ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var candidates = new Dictionary<Guid, ReplayCandidate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            candidates[id] = new ReplayCandidate(id, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
        }
        return candidates;
    }

    /// <summary>Minute counts of these articles in (<paramref name="from"/>, <paramref name="at"/>].</summary>
    public async Task<IReadOnlyList<MinuteViews>> MinutesAsync(
        IReadOnlyCollection<Guid> articles, DateTimeOffset from, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"select article_id, minute, views from {tables.MinuteViews} where minute > $1 and minute <= $2 and article_id = any($3)");
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        command.Parameters.Add(new NpgsqlParameter { Value = articles.ToArray() });
        var minutes = new List<MinuteViews>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            minutes.Add(new MinuteViews(reader.GetGuid(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2)));
        return minutes;
    }
}
