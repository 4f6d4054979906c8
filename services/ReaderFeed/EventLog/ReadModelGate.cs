using Marten;
using Npgsql;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// PostgreSQL advisory locks that keep the read models consistent: a consumer's transaction holds the
/// gate shared plus its stream exclusively (two events of one article never fold concurrently), and a
/// rebuild holds the gate exclusively, so no event lands between the rebuild reading the log and
/// writing the result.
/// </summary>
public static class ReadModelGate
{
    // Distinct from the Marten daemon locks (small ids) of every service sharing the database.
    const long GateKey = 0x5246_4545_4400_0001;
    const int StreamLockClass = 0x5246_4431;

    /// <summary>How long a consumer waits for a rebuild to finish before its attempt fails (and is retried).</summary>
    static readonly TimeSpan RebuildWait = TimeSpan.FromMinutes(10);

    public static async Task EnterAsync(IDocumentSession session, Guid streamId, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        // A command of our own on the session's connection (so inside its transaction), with a timeout long
        // enough to wait out a rebuild rather than the default 30 s.
        await using var command = session.Connection!.CreateCommand();
        command.CommandText = "select pg_advisory_xact_lock_shared(@gate), pg_advisory_xact_lock(@class, @key)";
        command.Parameters.AddWithValue("gate", GateKey);
        command.Parameters.AddWithValue("class", StreamLockClass);
        command.Parameters.AddWithValue("key", StreamKey(streamId));
        command.CommandTimeout = (int)RebuildWait.TotalSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The same 32-bit key for a stream in every process (string and HashCode hashing are per-process).</summary>
    static int StreamKey(Guid streamId)
    {
        Span<byte> bytes = stackalloc byte[16];
        streamId.TryWriteBytes(bytes);
        return BitConverter.ToInt32(bytes[..4]) ^ BitConverter.ToInt32(bytes[4..8]) ^ BitConverter.ToInt32(bytes[8..12]) ^ BitConverter.ToInt32(bytes[12..]);
    }

    /// <summary>Waits for consumers in flight, then keeps new ones out until disposed.</summary>
    public static async Task<IAsyncDisposable> CloseAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled: a session-level advisory lock must end with the connection, never linger in a pool.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("select pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", GateKey);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return connection;
    }
}
