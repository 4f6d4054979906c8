using System.Net;
using System.Net.Http.Json;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>
/// A pod's PostgreSQL connections are bounded by one setting, whatever the load: Marten, the sign-in throttle and the
/// health check share one pool, so the operations guide's "connections per pod × pods ≤ max_connections" holds.
/// </summary>
public sealed class ConnectionPoolTests
{
    const int MaxPoolSize = 4;

    [Fact]
    public async Task Under_twenty_concurrent_editors_a_service_stays_within_its_pool_and_every_request_succeeds()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var settings = infrastructure.Settings();
        settings["Postgres:MaxPoolSize"] = MaxPoolSize.ToString();
        // Every test client signs in from 127.0.0.1; the throttle's limits are not what this measures.
        settings["Authoring:Login:MaxFailuresPerAddress"] = "1000";
        settings["Authoring:Login:MaxFailuresPerEmail"] = "1000";
        await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings);
        var editor = new HttpClient { BaseAddress = authoring.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        editor.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("editor", "editor@newsplatform.test"));

        using var sampling = new CancellationTokenSource();
        var sampler = SampleConnectionsAsync(infrastructure.Database, sampling.Token);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async client =>
        {
            var seen = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                var created = await editor.PostAsJsonAsync(Api.Articles, Api.Draft($"Council votes on harbour plan, part {client}-{i}"));
                seen.Add(created.StatusCode);
                seen.Add((await editor.GetAsync(created.Headers.Location)).StatusCode);
                // A wrong password goes through the sign-in throttle's table.
                var signIn = await authoring.Client.PostAsJsonAsync("/api/auth/token", new { email = $"nobody{client}@newsplatform.test", password = "not-the-password-at-all" });
                seen.Add(signIn.StatusCode);
            }
            return seen;
        }));
        sampling.Cancel();
        var samples = await sampler;

        var all = statuses.SelectMany(s => s).ToList();
        Assert.Equal(60, all.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(60, all.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(60, all.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.Equal(0, s.Unnamed));
        Assert.InRange(samples.Max(s => s.Authoring), 1, MaxPoolSize);
    }

    /// <summary>Every 50 ms: the service's connections (named "authoring") and any connection without that name.</summary>
    static async Task<List<(long Authoring, long Unnamed)>> SampleConnectionsAsync(TestDatabase database, CancellationToken stop)
    {
        var samples = new List<(long, long)>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            "select count(*) filter (where application_name = 'authoring'), count(*) filter (where application_name <> 'authoring') " +
            "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()", connection);
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await command.ExecuteReaderAsync(CancellationToken.None))
            {
                await reader.ReadAsync(CancellationToken.None);
                samples.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
            try { await Task.Delay(50, stop); } catch (OperationCanceledException) { }
        }
        return samples;
    }
}
