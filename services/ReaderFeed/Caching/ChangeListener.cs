using Npgsql;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>LISTENs for read-model changes on a dedicated connection, reconnecting when it drops.</summary>
public sealed class ChangeListener(NpgsqlDataSource dataSource, ReadModelChanges changes, ILogger<ChangeListener> logger) : BackgroundService
{
    static readonly TimeSpan Probe = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => changes.Changed();
                await using (var listen = new NpgsqlCommand($"listen {ReadModelChanges.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                changes.Listening();
                while (!stoppingToken.IsCancellationRequested)
                {
                    // A silent network failure would otherwise leave the cache trusted forever.
                    if (!await connection.WaitAsync(Probe, stoppingToken))
                        await using (var ping = new NpgsqlCommand("select 1", connection)) await ping.ExecuteScalarAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                changes.NotListening();
                logger.LogWarning(ex, "Listening for read-model changes failed; pages are rendered fresh until it reconnects");
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
            finally
            {
                changes.NotListening();
            }
        }
    }
}
