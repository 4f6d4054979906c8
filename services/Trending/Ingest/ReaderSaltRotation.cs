using System.Security.Cryptography;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.Trending.Storage;
using Npgsql;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// Makes sure today's and tomorrow's salts exist (the first node to ask creates them; the others read
/// the same bytes), and deletes the salts of past days so yesterday's hashes become unlinkable.
/// </summary>
public sealed class ReaderSaltRotation(
    NpgsqlDataSource database, TrendingTables tables, ReaderSalts salts, TimeProvider clock,
    ILogger<ReaderSaltRotation> logger) : PeriodicWork(logger)
{
    protected override TimeSpan Period => TimeSpan.FromMinutes(5);
    protected override string WhenFailed => "hashing with the last known salt";
    protected override bool RunBeforeStart => true;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RotateAsync(cancellationToken);

    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var batch = database.CreateBatch();
        batch.BatchCommands.Add(Command(
            $"insert into {tables.ReaderSalts} (day, salt) values ($1, $2), ($3, $4) on conflict (day) do nothing",
            today, RandomNumberGenerator.GetBytes(32), today.AddDays(1), RandomNumberGenerator.GetBytes(32)));
        batch.BatchCommands.Add(Command($"delete from {tables.ReaderSalts} where day < $1", today));
        batch.BatchCommands.Add(Command($"select day, salt from {tables.ReaderSalts} where day >= $1", today));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var loaded = new Dictionary<DateOnly, byte[]>();
        while (await reader.ReadAsync(cancellationToken))
            loaded[reader.GetFieldValue<DateOnly>(0)] = reader.GetFieldValue<byte[]>(1);
        salts.Replace(loaded);
    }

    static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
