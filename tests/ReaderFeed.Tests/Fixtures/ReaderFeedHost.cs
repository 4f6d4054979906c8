using System.Net;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPlatform.Contracts;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.TestKit;

namespace NewsPlatform.ReaderFeed.Tests.Fixtures;

/// <summary>
/// One ReaderFeed host for the whole collection, on real Kestrel (so a browser can reach it) over a
/// fresh PostgreSQL database and RabbitMQ vhost, plus a MassTransit bus that publishes Contracts events
/// onto that vhost the way the relay does (MessageId = EventId).
/// </summary>
public sealed class ReaderFeedHost : IAsyncLifetime
{
    public const string SiteUrl = "http://news.example.test";

    TestInfrastructure _infrastructure = null!;
    HostFactory _factory = null!;
    IBusControl _bus = null!;

    public Uri Address { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;
    public IDocumentStore Store => _factory.Services.GetRequiredService<IDocumentStore>();
    public TestDatabase Database => _infrastructure.Database;
    public IServiceProvider Services => _factory.Services;

    public async Task InitializeAsync()
    {
        _infrastructure = await TestInfrastructure.CreateAsync();
        var settings = _infrastructure.Settings();
        settings["Newsroom:SiteUrl"] = SiteUrl;
        settings["Newsroom:SiteName"] = "The Copenhagen Post";
        _factory = new HostFactory(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        Client = NewClient();

        _bus = await TestBus.StartAsync(_infrastructure.VirtualHost.ConnectionString);

        // The service is ready once the listener trusts its cache and the consumers' queues exist.
        await Eventually.MatchAsync(async () => (await Client.GetAsync("/health/ready")).StatusCode, s => s == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "ReaderFeed to be ready");
    }

    readonly DateTimeOffset _trendingBase = DateTimeOffset.UtcNow;
    long _trendingTicks;

    /// <summary>Tests share the site-wide trending list, where the newest AsOf wins: each call is later than the last.</summary>
    public DateTimeOffset NextTrendingAsOf() => _trendingBase.AddSeconds(Interlocked.Increment(ref _trendingTicks));

    long _leadTicks;

    /// <summary>A publication time later than any other test's article (and than the last call), to lead the front page.</summary>
    public DateTimeOffset NextLeadPublishedAt() => _trendingBase.AddHours(1).AddSeconds(Interlocked.Increment(ref _leadTicks));

    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    /// <summary>Publishes as the relay would: MessageId is the event id.</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent =>
        // By runtime type: a message held as an interface must still reach the consumer of its concrete type.
        _bus.Publish(message, message.GetType(), context => context.MessageId = messageId ?? message.EventId);

    /// <summary>Publishes and waits until ReaderFeed has committed the message (its processed-message row exists).</summary>
    public async Task PublishAndWaitAsync<T>(T message, Guid? messageId = null) where T : class, IIntegrationEvent
    {
        await PublishAsync(message, messageId);
        await WaitUntilAppliedAsync(message, messageId ?? message.EventId);
    }

    public async Task WaitUntilAppliedAsync(IIntegrationEvent message, Guid messageId)
    {
        var key = $"{message.GetType().Name[..^2]}Consumer:{messageId:N}";
        await Eventually.MatchAsync(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.LoadAsync<ProcessedMessage>(key) is not null;
        }, applied => applied, TimeSpan.FromSeconds(30), $"{message.GetType().Name} {messageId} to be applied");
    }

    /// <summary>Waits until the consumers have finished a message id this many times (applied or recognised as a duplicate).</summary>
    public Task WaitUntilConsumedAsync(Guid messageId, int times) =>
        Eventually.MatchAsync(() => Task.FromResult(Services.GetRequiredService<ConsumeCounter>().Completed(messageId)), n => n >= times,
            TimeSpan.FromSeconds(30), $"message {messageId} to be consumed {times} times");

    /// <summary>
    /// Receives what ReaderFeed publishes, on a queue of the test's own (as a gateway instance does) until disposed.
    /// </summary>
    public Task<EventRecorder> ListenAsync<T>(Func<T, Task> received) where T : class =>
        EventRecorder.StartAsync(_infrastructure.VirtualHost.ConnectionString, s => s.To(received));

    public async Task<string> GetStringAsync(string path)
    {
        var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>Polls a page until it shows what a change made visible (pages are cached until the change is noticed).</summary>
    public Task<string> WaitForPageAsync(string path, Func<string, bool> shows, string what) =>
        Eventually.MatchAsync(async () =>
        {
            var response = await Client.GetAsync(path);
            return await response.Content.ReadAsStringAsync();
        }, shows, TimeSpan.FromSeconds(15), what);

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_bus is not null) await _bus.StopAsync();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_infrastructure is not null) await _infrastructure.DisposeAsync();
    }
}

/// <summary>The service under test, with its warnings and errors kept in a log file among the test artifacts.</summary>
sealed class HostFactory(IReadOnlyDictionary<string, string?> settings) : ServiceFactory<ReaderFeedEntryPoint>(settings)
{
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider(Path.Combine(Artifacts, "readerfeed-host.log"))));
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ConsumeCounter>();
            services.AddConsumeObserver(sp => sp.GetRequiredService<ConsumeCounter>());
        });
    }
}

[CollectionDefinition(Name)]
public sealed class ReaderFeedCollection : ICollectionFixture<ReaderFeedHost>
{
    public const string Name = "readerfeed";
}
