using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// Reports how many committed events the relay has not yet published. Degraded past a threshold, never
/// Unhealthy: a lagging relay (a bulk import, a broker outage) leaves the instance able to serve its API and
/// accept writes, so readiness stays 200 and the lag is a signal for alerts, not a reason to leave rotation.
/// </summary>
public sealed class RelayLagHealthCheck(IDocumentStore store, long degradedLag) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = await MeasureAsync(store, cancellationToken);
        var data = new Dictionary<string, object> { ["lag"] = lag };
        return lag > degradedLag
            ? HealthCheckResult.Degraded($"Relay is {lag} events behind (threshold {degradedLag})", data: data)
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
