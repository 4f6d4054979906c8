using Marten;
using MassTransit;
using Microsoft.Extensions.Options;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Storage;

namespace NewsPlatform.Trending.Scoring;

/// <summary>
/// Applies a batch of views to the scores and the per-minute counts. Any number of instances compete
/// on one queue: the repeat check (<see cref="RepeatCheck"/>) drops views of a reader who already counted
/// on the article within the window, on whichever node; each UPSERT computes the decay in SQL under the
/// row's lock; and the processed-batch row commits in the same transaction, so a batch delivered twice (or
/// to two instances) counts once.
/// </summary>
public sealed class ViewBatchConsumer(IDocumentStore store, IOptions<TrendingOptions> options, IngestStats stats)
    : IdempotentConsumer<ViewBatch, ViewBatchConsumer.Counted>(store)
{
    /// <summary>What a batch added, counted only once it committed: a batch another instance applied first counts nothing here.</summary>
    public readonly record struct Counted(long Scored, long Repeats);

    protected override async Task<Counted> Apply(ViewBatch batch, IDocumentSession session, ConsumeContext<ViewBatch> context)
    {
        var (counted, repeats) = await RepeatCheck.ApplyAsync(session, batch.Views, options.Value.RepeatWindow, context.CancellationToken);
        var outcome = new Counted(counted.Sum(v => (long)v.Count), repeats);

        var halfLife = options.Value.HalfLife;
        var articles = BatchTotals.PerArticle(counted, halfLife);
        if (articles.Count == 0) return outcome;
        var minutes = BatchTotals.PerMinute(counted);
        var schema = session.DocumentStore.Options.DatabaseSchemaName;

        session.QueueSqlCommand(UpsertScores(schema, halfLife),
            articles.Select(a => a.ArticleId).ToArray(),
            articles.Select(a => a.Weight).ToArray(),
            articles.Select(a => a.At).ToArray(),
            articles.Select(a => a.Views).ToArray());

        session.QueueSqlCommand(
            $"""
            insert into {schema}.{TrendingSchema.MinuteViews} as m (article_id, minute, views)
            select * from unnest(?::uuid[], ?::timestamptz[], ?::bigint[])
            on conflict (article_id, minute) do update set views = m.views + excluded.views
            """,
            minutes.Select(m => m.ArticleId).ToArray(),
            minutes.Select(m => m.Minute).ToArray(),
            minutes.Select(m => m.Views).ToArray());
        return outcome;
    }

    protected override Task AfterCommit(ViewBatch batch, Counted outcome, ConsumeContext<ViewBatch> context)
    {
        stats.CountScored(outcome.Scored, outcome.Repeats);
        return Task.CompletedTask;
    }

    /// <summary>ScoreMath.Add in one statement: S ← S·2^(−Δt/H) + w, or w decayed to S's time if the batch is older.</summary>
    static string UpsertScores(string schema, TimeSpan halfLife) =>
        $"""
        insert into {schema}.{TrendingSchema.Scores} as s (article_id, score, scored_at, last_view_at, views)
        select b.article_id, b.weight, b.at, b.at, b.views
        from unnest(?::uuid[], ?::float8[], ?::timestamptz[], ?::bigint[]) as b(article_id, weight, at, views)
        on conflict (article_id) do update set
          score = case when excluded.scored_at >= s.scored_at
            then s.score * {ScoreSql.Decay(ScoreSql.Seconds("s.scored_at", "excluded.scored_at"), halfLife)} + excluded.score
            else s.score + excluded.score * {ScoreSql.Decay(ScoreSql.Seconds("excluded.scored_at", "s.scored_at"), halfLife)} end,
          scored_at = greatest(s.scored_at, excluded.scored_at),
          last_view_at = greatest(s.last_view_at, excluded.last_view_at),
          views = s.views + excluded.views
        """;
}
