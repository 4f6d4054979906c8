using System.Net.Http.Headers;
using System.Text;

namespace NewsPlatform.TestKit;

/// <summary>
/// A RabbitMQ virtual host of its own for one fixture, so queues left by a running stack or another
/// test never receive this test's messages. Deleted afterwards.
/// </summary>
public sealed class TestVirtualHost : IAsyncDisposable
{
    public string Name { get; }
    public string ConnectionString { get; }

    TestVirtualHost(string name, string connectionString) => (Name, ConnectionString) = (name, connectionString);

    /// <param name="baseAmqp">A broker of the caller's own (its management API and user below); the shared test broker by default.</param>
    public static async Task<TestVirtualHost> CreateAsync(
        string? baseAmqp = null, string? management = null, (string User, string Password)? credentials = null)
    {
        var name = "t-" + Guid.NewGuid().ToString("N")[..16];
        using var http = Management(management, credentials);
        (await http.PutAsync($"api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        (await http.PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(credentials?.User ?? TestEnvironment.RabbitMqUser)}",
            Json("""{"configure":".*","write":".*","read":".*"}"""))).EnsureSuccessStatusCode();
        var amqp = (baseAmqp ?? TestEnvironment.RabbitMq).TrimEnd('/');
        return new TestVirtualHost(name, $"{amqp}/{name}") { _management = management, _credentials = credentials };
    }

    string? _management;
    (string User, string Password)? _credentials;

    /// <summary>Messages waiting in a queue of this vhost (the management API refreshes every few seconds).</summary>
    public async Task<long> QueueDepthAsync(string queue)
    {
        using var http = Management(_management, _credentials);
        var response = await http.GetAsync($"api/queues/{Name}/{queue}");
        if (!response.IsSuccessStatusCode) return 0;
        using var doc = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("messages", out var m) ? m.GetInt64() : 0;
    }

    /// <summary>Every queue of this vhost and how many messages wait in it.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueuesAsync()
    {
        using var http = Management(_management, _credentials);
        using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"api/queues/{Name}"));
        return doc.RootElement.EnumerateArray().ToDictionary(
            q => q.GetProperty("name").GetString()!,
            q => q.TryGetProperty("messages", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number ? m.GetInt64() : 0);
    }

    /// <summary>Every queue of this vhost and its type as RabbitMQ declared it (<c>quorum</c>, <c>classic</c>).</summary>
    public async Task<IReadOnlyDictionary<string, string>> QueueTypesAsync()
    {
        using var http = Management(_management, _credentials);
        using var doc = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"api/queues/{Name}"));
        return doc.RootElement.EnumerateArray().ToDictionary(
            q => q.GetProperty("name").GetString()!,
            q => q.TryGetProperty("type", out var t) ? t.GetString()! : "classic");
    }

    public async ValueTask DisposeAsync()
    {
        using var http = Management(_management, _credentials);
        await http.DeleteAsync($"api/vhosts/{Name}");
    }

    internal static HttpClient Management(string? management = null, (string User, string Password)? credentials = null)
    {
        var http = new HttpClient { BaseAddress = new Uri((management ?? TestEnvironment.RabbitMqManagement).TrimEnd('/') + "/") };
        var (user, password) = credentials ?? (TestEnvironment.RabbitMqUser, TestEnvironment.RabbitMqPassword);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        return http;
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
