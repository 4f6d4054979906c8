using System.Net.Http.Headers;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>
/// One Authoring host over a fresh PostgreSQL database and RabbitMQ vhost, shared by the
/// integration tests of the "authoring" collection.
/// </summary>
public sealed class AuthoringHost : IAsyncLifetime
{
    public const string AdminEmail = "chief@newsplatform.test";
    public const string AdminPassword = "correct-horse-battery-staple";

    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public ServiceFactory<AuthoringEntryPoint> Factory { get; private set; } = null!;
    public EventRecorder Listener { get; private set; } = null!;

    public IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    public Dictionary<string, string?> Settings()
    {
        var settings = Infrastructure.Settings();
        settings["Authoring:BootstrapAdmin:Email"] = AdminEmail;
        settings["Authoring:BootstrapAdmin:Password"] = AdminPassword;
        return settings;
    }

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.CreateAsync();
        // Listening before the host starts, so that nothing the relay publishes is missed.
        Listener = await EventRecorder.StartAsync(Infrastructure.VirtualHost.ConnectionString, ArticleContracts.Subscribe, "authoring-tests-listener");
        Factory = new ServiceFactory<AuthoringEntryPoint>(Settings());
        _ = Factory.Server; // start now, not in the first test
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (none when null).</summary>
    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Writer(string email = "writer@newsplatform.test") => Client(TestTokens.For("writer", email));
    public HttpClient Editor(string email = "editor@newsplatform.test") => Client(TestTokens.For("editor", email));
    public HttpClient Admin(string email = "admin@newsplatform.test") => Client(TestTokens.For("admin", email));

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Listener.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AuthoringCollection : ICollectionFixture<AuthoringHost>
{
    public const string Name = "authoring";
}
