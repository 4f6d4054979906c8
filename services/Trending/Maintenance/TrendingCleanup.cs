using Microsoft.Extensions.Options;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.Trending.Storage;
using Npgsql;

namespace NewsPlatform.Trending.Maintenance;

/// <summary>
/// Housekeeping every few minutes, safe on every node at once (each step is one idempotent DELETE): reader
/// rows older than the repeat window (they decide nothing any more), minute counts past the replay retention
/// and scores decayed to nothing (a later view starts the row afresh).
/// Processed-message rows are pruned by ServiceDefaults' <c>ProcessedMessagePruner</c>, as in every consuming service.
/// </summary>
public sealed class TrendingCleanup(
    NpgsqlDataSource database, TrendingTables tables, TimeProvider clock,
    IOptions<TrendingOptions> options, ILogger<TrendingCleanup> logger) : PeriodicWork(logger)
{
    // Reader rows arrive with every view; pruning often keeps that table near one window's worth.
    protected override TimeSpan Period => TimeSpan.FromMinutes(5);
    protected override string WhenFailed => "old rows stay until the next round";
    /// <summary>Below this a score is invisible next to any article read in the last few half-lives.</summary>
    public const double NegligibleScore = 0.001;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CleanAsync(cancellationToken);

    public async Task CleanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var halfLife = options.Value.HalfLife;
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {tables.MinuteViews} where minute < $1")
        { Parameters = { new NpgsqlParameter { Value = now - options.Value.ReplayRetention } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"delete from {tables.Scores} s where s.score * {ScoreSql.Decay(ScoreSql.Seconds("s.scored_at", "$1"), halfLife)} < $2")
        { Parameters = { new NpgsqlParameter { Value = now }, new NpgsqlParameter { Value = NegligibleScore } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {tables.ReaderViews} where counted_at < $1")
        { Parameters = { new NpgsqlParameter { Value = now - options.Value.RepeatWindow } } });
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
