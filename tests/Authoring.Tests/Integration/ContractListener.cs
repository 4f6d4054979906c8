using System.Collections.Concurrent;
using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>
/// A bus of the test's own on the fixture's vhost, subscribed to every article contract the way
/// another service would be, recording what arrives (with its MessageId).
/// </summary>
public sealed class ContractListener : IAsyncDisposable
{
    readonly IBusControl _bus;
    readonly ConcurrentQueue<(IStreamIntegrationEvent Message, Guid? MessageId)> _received = new();

    ContractListener(string connectionString)
    {
        var address = RabbitMqAddress.Parse(connectionString);
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
            });
            cfg.ReceiveEndpoint("authoring-tests-listener", e =>
            {
                Record<ArticlePublishedV1>(e);
                Record<ArticleRevisedV1>(e);
                Record<ArticleCorrectedV1>(e);
                Record<ArticleSlugChangedV1>(e);
                Record<ArticleUnpublishedV1>(e);
                Record<HeroCreditImportedV1>(e);
            });
        });
    }

    public static async Task<ContractListener> StartAsync(string connectionString)
    {
        var listener = new ContractListener(connectionString);
        await listener._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return listener;
    }

    void Record<T>(IReceiveEndpointConfigurator endpoint) where T : class, IStreamIntegrationEvent =>
        endpoint.Handler<T>(context =>
        {
            _received.Enqueue((context.Message, context.MessageId));
            return Task.CompletedTask;
        });

    /// <summary>Messages received so far about one article stream, in arrival order.</summary>
    public IReadOnlyList<(IStreamIntegrationEvent Message, Guid? MessageId)> For(Guid streamId) =>
        _received.Where(r => r.Message.StreamId == streamId).ToList();

    /// <summary>Waits until a message of type <typeparamref name="T"/> about the stream has arrived.</summary>
    public async Task<T> WaitForAsync<T>(Guid streamId, Func<T, bool>? where = null) where T : IStreamIntegrationEvent
    {
        var found = await Eventually.MatchAsync(
            () => Task.FromResult(For(streamId).Select(r => r.Message).OfType<T>().FirstOrDefault(m => where?.Invoke(m) ?? true)),
            m => m is not null, TimeSpan.FromSeconds(20), $"{typeof(T).Name} for {streamId}");
        return found!;
    }

    /// <summary>Waits until <paramref name="count"/> messages of type <typeparamref name="T"/> about the stream have arrived; all of them so far.</summary>
    public Task<IReadOnlyList<T>> WaitForAllAsync<T>(Guid streamId, int count = 1) where T : IStreamIntegrationEvent =>
        Eventually.MatchAsync(
            () => Task.FromResult<IReadOnlyList<T>>(For(streamId).Select(r => r.Message).OfType<T>().ToList()),
            found => found.Count >= count, TimeSpan.FromSeconds(30), $"{count} × {typeof(T).Name} for {streamId}");

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
