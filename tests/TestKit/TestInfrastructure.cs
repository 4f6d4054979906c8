namespace NewsPlatform.TestKit;

/// <summary>
/// A fresh database and virtual host for one test fixture, and the configuration a NewsPlatform
/// host needs to use them. Share one per collection: two hosts on one schema means two daemons.
/// </summary>
public sealed class TestInfrastructure : IAsyncDisposable
{
    public required TestDatabase Database { get; init; }
    public required TestVirtualHost VirtualHost { get; init; }

    public static async Task<TestInfrastructure> CreateAsync() => new()
    {
        Database = await TestDatabase.CreateAsync(),
        VirtualHost = await TestVirtualHost.CreateAsync(),
    };

    /// <summary>Settings for a host, as configuration keys (use <c>__</c> for environment variables).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["ConnectionStrings:Postgres"] = Database.ConnectionString,
        ["ConnectionStrings:RabbitMq"] = VirtualHost.ConnectionString,
        ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
    };

    public async ValueTask DisposeAsync()
    {
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }
}
