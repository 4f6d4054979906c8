using MassTransit;
using Microsoft.Extensions.Options;
using NewsPlatform.Contracts.Trending;
using Npgsql;

namespace NewsPlatform.Trending.Ranking;

/// <summary>
/// Announces <see cref="TrendingChangedV1"/> for each list whose top-N changed, comparing snapshots at
/// most once per <see cref="TrendingOptions.ChangeInterval"/>. One node does it: the one holding a
/// PostgreSQL advisory lock on its open connection (another takes over when that connection dies).
/// <para>Publishing from this loop rather than through the event store's relay is deliberate: the lists
/// are derived state, and the next snapshot supersedes a lost one. A list counts as announced only once
/// the broker confirmed it; a failed publish ends the round, and whichever node leads next announces
/// every list afresh (a consumer keeps the newest <c>AsOf</c>, so repeats are harmless).</para>
/// </summary>
public sealed class TrendingChangePublisher(
    NpgsqlDataSource database, TrendingReader reader, IBus bus, TimeProvider clock,
    IOptions<TrendingOptions> options, ILogger<TrendingChangePublisher> logger) : BackgroundService
{
    const long LeaderLock = 0x7472_656E_6473; // "trends"; outside the range the event daemons use
    static readonly TimeSpan RetryLeadership = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                if (await TryLeadAsync(connection, stoppingToken)) await AnnounceAsync(connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Trending change announcements paused; retrying");
            }
            try
            {
                await Task.Delay(RetryLeadership, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    static async Task<bool> TryLeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = LeaderLock });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    async Task AnnounceAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        var announced = new Dictionary<string, TrendingList>();
        using var timer = new PeriodicTimer(options.Value.ChangeInterval);
        do
        {
            var asOf = clock.GetUtcNow();
            var current = await reader.SnapshotAsync(connection, options.Value.TopN, asOf, stoppingToken);
            foreach (var list in TrendingChanges.Between(announced.Values.ToList(), current))
            {
                var message = new TrendingChangedV1(Guid.NewGuid(), clock.GetUtcNow(), asOf, list.Section, list.Items);
                await bus.Publish(message, context => context.MessageId = message.EventId, stoppingToken);
                announced[list.Section ?? ""] = list;
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
