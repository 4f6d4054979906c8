using Npgsql;

namespace NewsPlatform.TestKit;

/// <summary>A PostgreSQL database of its own for one fixture, dropped afterwards.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public string Name { get; }
    public string ConnectionString { get; }

    readonly string _admin;

    TestDatabase(string name, string connectionString, string admin) => (Name, ConnectionString, _admin) = (name, connectionString, admin);

    /// <param name="adminConnection">A PostgreSQL server of the caller's own; the shared test server by default.</param>
    public static async Task<TestDatabase> CreateAsync(string? adminConnection = null)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        var adminConnectionString = adminConnection ?? TestEnvironment.PostgresAdmin;
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 50 };
        return new TestDatabase(name, builder.ConnectionString, adminConnectionString);
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
