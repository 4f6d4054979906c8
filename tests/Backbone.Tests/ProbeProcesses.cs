using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Backbone.Tests;

/// <summary>
/// Two NewsPlatform processes on the backbone: one appends and relays probe events, the other
/// consumes them idempotently and counts every application in probe_consumer.probe_applied.
/// </summary>
public static class ProbeProcesses
{
    public const string RelayName = "probe_relay";
    public const string ConsumerName = "probe_consumer";

    public static Task<ServiceProcess> StartRelayAsync(
        TestInfrastructure infrastructure, string? rabbitMq = null, IReadOnlyDictionary<string, string?>? extra = null) =>
        StartAsync(infrastructure, RelayName, "relay", rabbitMq, extra);

    public static Task<ServiceProcess> StartConsumerAsync(
        TestInfrastructure infrastructure, string? rabbitMq = null, IReadOnlyDictionary<string, string?>? extra = null) =>
        StartAsync(infrastructure, ConsumerName, "consumer", rabbitMq, extra);

    static Task<ServiceProcess> StartAsync(
        TestInfrastructure infrastructure, string name, string role, string? rabbitMq, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = infrastructure.Settings();
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        settings["Probe:Name"] = name;
        settings["Probe:Role"] = role;
        if (rabbitMq is not null) settings["ConnectionStrings:RabbitMq"] = rabbitMq;
        return ServiceProcess.StartAsync("tests/BackboneProbe", "NewsPlatform.BackboneProbe", settings);
    }

    public static async Task AppendAsync(ServiceProcess relay, int from, int count, bool poison = false, int batch = 100)
    {
        var response = await relay.Client.PostAsync($"/probe/append?from={from}&count={count}&batch={batch}&poison={poison}", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>How many distinct events the consumer applied, and the most times any one was applied.</summary>
    public static async Task<Applied> AppliedAsync(TestInfrastructure infrastructure)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*), coalesce(max(times), 0) from {ConsumerName}.probe_applied", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Applied(reader.GetInt64(0), reader.GetInt32(1));
    }

    public static Task<Applied> WaitForAppliedAsync(TestInfrastructure infrastructure, long count, TimeSpan timeout) =>
        Eventually.MatchAsync(() => AppliedAsync(infrastructure), a => a.Distinct >= count, timeout, $"{count} applied probe events");
}

public sealed record Applied(long Distinct, int MaxTimes);
