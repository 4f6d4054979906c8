using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Editor;

/// <summary>
/// Authoring on real Kestrel (a browser cannot reach an in-memory test server) over a fresh
/// database and virtual host, with a bootstrap admin, plus one headless Chromium for the collection.
/// </summary>
public sealed class EditorHost : IAsyncLifetime
{
    public const string AdminEmail = "chief.editor@newsplatform.test";
    public string AdminPassword { get; } = "Editor-" + Guid.NewGuid().ToString("N");

    TestInfrastructure? _infrastructure;
    ServiceFactory<AuthoringEntryPoint>? _factory;
    IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Screenshots land here, beside the test assembly (not in the repository).</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings();
        settings["Authoring:BootstrapAdmin:Email"] = AdminEmail;
        settings["Authoring:BootstrapAdmin:Password"] = AdminPassword;

        _factory = new ServiceFactory<AuthoringEntryPoint>(settings);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
        Http = new HttpClient { BaseAddress = BaseAddress };

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A bearer token from the real sign-in route.</summary>
    public async Task<string> TokenAsync(string email, string password)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenResponse>();
        return body!.AccessToken;
    }

    /// <summary>Creates a newsroom account through the admin API.</summary>
    public async Task CreateUserAsync(string email, string displayName, string password, params string[] roles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/users")
        {
            Content = JsonContent.Create(new { email, displayName, password, roles }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(AdminEmail, AdminPassword));
        var response = await Http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    sealed record TokenResponse(string AccessToken);

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Http?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EditorCollection : ICollectionFixture<EditorHost>
{
    public const string Name = "Editor";
}
