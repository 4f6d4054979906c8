using Microsoft.Extensions.Options;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.Trending.Storage;
using Npgsql;

namespace NewsPlatform.Trending.Catalog;

/// <summary>
/// Loads the whole catalog before the node takes requests (hosted services start before Kestrel),
/// then reads what changed every <see cref="TrendingOptions.CatalogRefresh"/>. Every node refreshes,
/// whichever node's consumer applied the event.
/// </summary>
public sealed class LiveArticlesRefresher(
    NpgsqlDataSource database, TrendingTables tables, LiveArticles live,
    IOptions<TrendingOptions> options, ILogger<LiveArticlesRefresher> logger) : PeriodicWork(logger)
{
    protected override TimeSpan Period => options.Value.CatalogRefresh;
    protected override string WhenFailed => "keeping the last known live-article catalog";
    protected override bool RunBeforeStart => true;

    // A change committed just after a read can carry a timestamp from just before it (clock_timestamp()
    // is taken inside the writing transaction); re-reading a short overlap catches those late commits.
    static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);

    DateTimeOffset _since = DateTimeOffset.MinValue;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RefreshAsync(cancellationToken);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"select article_id, published, changed_at from {tables.Articles} where changed_at > $1");
        command.Parameters.Add(new NpgsqlParameter { Value = _since == DateTimeOffset.MinValue ? DateTimeOffset.UnixEpoch : _since - Overlap });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var latest = _since;
        while (await reader.ReadAsync(cancellationToken))
        {
            live.Set(reader.GetGuid(0), reader.GetBoolean(1));
            var changedAt = reader.GetFieldValue<DateTimeOffset>(2);
            if (changedAt > latest) latest = changedAt;
        }
        _since = latest;
    }
}
