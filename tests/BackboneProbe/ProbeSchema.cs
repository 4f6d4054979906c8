using Marten;
using Npgsql;

namespace NewsPlatform.BackboneProbe;

/// <summary>The consumer's effect table: one row per applied message, with how often it was applied.</summary>
public static class ProbeSchema
{
    public const string TableName = "probe_applied";

    public static string Table(IQuerySession session) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{TableName}";

    public static async Task EnsureAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            create schema if not exists "{schema}";
            create table if not exists "{schema}".{TableName} (
              event_id uuid primary key, sequence int not null,
              occurred_at timestamptz not null, received_at timestamptz not null, times int not null);
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
