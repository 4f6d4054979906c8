using Microsoft.Extensions.Options;
using NewsPlatform.ServiceDefaults.Hosting;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NewsPlatform.Authoring.Accounts;

/// <summary>Limits on failed sign-ins (<c>Authoring:Login:*</c>).</summary>
public sealed class LoginThrottleOptions : IValidatedOptions
{
    public const string Section = "Authoring:Login";
    public int MaxFailuresPerEmail { get; set; } = 5;
    public int MaxFailuresPerAddress { get; set; } = 20;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<SettingProblem> Validate()
    {
        if (MaxFailuresPerEmail < 1) yield return new(nameof(MaxFailuresPerEmail), $"must be positive; it is {MaxFailuresPerEmail}");
        if (MaxFailuresPerAddress < 1) yield return new(nameof(MaxFailuresPerAddress), $"must be positive; it is {MaxFailuresPerAddress}");
        if (Window <= TimeSpan.Zero) yield return new(nameof(Window), $"must be positive; it is {Window}");
    }
}

/// <summary>
/// Counts failed sign-ins per account and per client address in PostgreSQL, so the limit holds
/// across every Authoring instance. Counts are kept in one-minute buckets; the sum over the
/// window decides. Past the limit even a correct password is refused until the window moves on.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource database, IOptions<LoginThrottleOptions> options, TimeProvider clock)
{
    public const string SchemaName = Extensions.AuthoringExtensions.ServiceName;
    public const string Table = "login_failures";

    public static Table Schema(string schemaName)
    {
        var table = new Table(new PostgresqlObjectName(schemaName, Table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<DateTimeOffset>("bucket").AsPrimaryKey();
        table.AddColumn<int>("failures").NotNull();
        return table;
    }

    /// <summary>How long to wait before trying again, or null when sign-in may be attempted.</summary>
    public async Task<TimeSpan?> BlockedForAsync(string email, string address, CancellationToken ct)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        await using var command = database.CreateCommand(
            $"select key, sum(failures)::int, min(bucket) from {SchemaName}.{Table} where key = any($1) and bucket > $2 group by key");
        command.Parameters.Add(new NpgsqlParameter { Value = new[] { EmailKey(email), AddressKey(address) } });
        command.Parameters.Add(new NpgsqlParameter { Value = now - limits.Window });
        await using var reader = await command.ExecuteReaderAsync(ct);
        TimeSpan? blocked = null;
        while (await reader.ReadAsync(ct))
        {
            var key = reader.GetString(0);
            var failures = reader.GetInt32(1);
            var limit = key.StartsWith("email:", StringComparison.Ordinal) ? limits.MaxFailuresPerEmail : limits.MaxFailuresPerAddress;
            if (failures < limit) continue;
            var oldest = reader.GetFieldValue<DateTimeOffset>(2);
            var wait = oldest + limits.Window + TimeSpan.FromMinutes(1) - now;
            blocked = blocked is { } b && b > wait ? b : wait;
        }
        return blocked;
    }

    public async Task RecordFailureAsync(string email, string address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var bucket = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        await using var batch = database.CreateBatch();
        foreach (var key in new[] { EmailKey(email), AddressKey(address) })
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"insert into {SchemaName}.{Table} (key, bucket, failures) values ($1, $2, 1) " +
                $"on conflict (key, bucket) do update set failures = {Table}.failures + 1")
            { Parameters = { new() { Value = key }, new() { Value = bucket } } });
        // Old buckets are of no use; dropping them here keeps the table small without a timer.
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"delete from {SchemaName}.{Table} where bucket < $1")
        { Parameters = { new() { Value = now - options.Value.Window - TimeSpan.FromHours(1) } } });
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A successful sign-in clears the account's count (not the address's: one good password does not vouch for the rest).</summary>
    public async Task ResetAsync(string email, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"delete from {SchemaName}.{Table} where key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = EmailKey(email) });
        await command.ExecuteNonQueryAsync(ct);
    }


    static string EmailKey(string email) => "email:" + UserAccount.Normalize(email);
    static string AddressKey(string address) => "address:" + address;
}
