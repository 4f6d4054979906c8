using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// Reports how many committed events the relay has not yet published. Unhealthy past a threshold,
/// which is what a long broker outage looks like from here.
/// </summary>
public sealed class RelayLagHealthCheck(IDocumentStore store, long unhealthyLag) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await MeasureAsync(store, cancellationToken);
        var data = new Dictionary<string, object> { ["lag"] = lag };
        return lag > unhealthyLag
            ? HealthCheckResult.Unhealthy($"Relay is {lag} events behind (threshold {unhealthyLag})", data: data)
            : HealthCheckResult.Healthy($"Relay is {lag} events behind", data);
    }

    /// <summary>
    /// Newest event sequence minus the relay's stored progress. Both are index lookups, cheap enough
    /// for a readiness probe polled every few seconds (Marten's statistics API counts every row).
    /// </summary>
    public static async Task<long> MeasureAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            select coalesce((select max(seq_id) from "{schema}".mt_events), 0)
                 - coalesce((select max(last_seq_id) from "{schema}".mt_event_progression where name like '{EventRelay.RelayName}%'), 0)
            """, connection);
        try
        {
            return Math.Max(0, Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // nothing appended yet: the event tables appear with the first write
        }
    }
}
