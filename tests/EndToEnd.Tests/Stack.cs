using System.Net.Http.Headers;
using System.Net.Http.Json;
using NewsPlatform.TestKit;

namespace NewsPlatform.EndToEnd.Tests;

/// <summary>
/// NewsPlatform as it runs in production: every service and the gateway as separate processes on one
/// database and vhost, the seed archive imported on start, readers and editors talking only to the gateway.
/// </summary>
public class Stack : IAsyncLifetime
{
    public const string AdminEmail = "admin@newsplatform.test";
    public const string AdminPassword = "correct horse battery staple";

    // Consumers first, as up.sh starts them: their queues must exist before Authoring relays the seed.
    static readonly (string Name, string Project, string Assembly)[] Services =
    [
        ("readerfeed", "services/ReaderFeed", "NewsPlatform.ReaderFeed"),
        ("trending", "services/Trending", "NewsPlatform.Trending"),
        ("media", "services/Media", "NewsPlatform.Media"),
        ("authoring", "services/Authoring", "NewsPlatform.Authoring"),
    ];

    readonly Dictionary<string, List<ServiceProcess>> _instances = new();
    TestInfrastructure _infrastructure = null!;
    public ServiceProcess Gateway { get; private set; } = null!;
    public HttpClient Client => Gateway.Client;
    public TestInfrastructure Infrastructure => _infrastructure;

    public IReadOnlyList<ServiceProcess> Instances(string service) => _instances[service];

    /// <summary>Instance counts per service; the gateway gets every instance as a destination.</summary>
    public Dictionary<string, int> Scale { get; } = new() { ["authoring"] = 1, ["media"] = 1, ["trending"] = 1, ["readerfeed"] = 1 };

    /// <summary>
    /// Extra gateway settings, e.g. higher rate limits for a test that sends many beacons. Reader pages are kept
    /// for ten minutes, so a change that shows through the gateway was purged from its cache, not expired.
    /// </summary>
    public Dictionary<string, string?> GatewaySettings { get; } = new() { ["Gateway:OutputCache:Duration"] = "00:10:00" };

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var seeds = Path.Combine(ProjectOutput.RepositoryRoot, "seeds");
        foreach (var (name, project, assembly) in Services)
        {
            _instances[name] = [];
            for (var i = 0; i < Scale[name]; i++)
            {
                var settings = Settings();
                settings["Authoring:SeedsPath"] = seeds;
                _instances[name].Add(await ServiceProcess.StartAsync(project, assembly, settings));
            }
        }

        var gateway = Settings();
        foreach (var (name, instances) in _instances)
            for (var i = 0; i < instances.Count; i++)
                gateway[$"ReverseProxy:Clusters:{name}:Destinations:{name}-{i + 1}:Address"] = instances[i].BaseAddress.ToString();
        foreach (var (key, value) in GatewaySettings) gateway[key] = value;
        Gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", gateway);
    }

    Dictionary<string, string?> Settings()
    {
        var settings = _infrastructure.Settings();
        settings["Authoring:BootstrapAdmin:Email"] = AdminEmail;
        settings["Authoring:BootstrapAdmin:Password"] = AdminPassword;
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    /// <summary>A client signed in through the gateway as the bootstrap admin.</summary>
    /// <summary>A reader's client that shows redirects instead of following them.</summary>
    public HttpClient ReaderWithoutRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Gateway.BaseAddress };

    public async Task<HttpClient> SignedInClientAsync()
    {
        var response = await Client.PostAsJsonAsync("/api/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var instance in _instances.Values.SelectMany(i => i)) await instance.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    sealed record TokenResponse(string AccessToken);
}
