using System.Collections.Concurrent;
using MassTransit;
using NewsPlatform.Contracts.Media;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Support;

/// <summary>
/// A separate bus on the test's vhost, standing in for the other services: it records every Media
/// event that reaches its queue and publishes what Authoring would (HeroCreditImportedV1).
/// </summary>
public sealed class BusObserver : IAsyncDisposable
{
    readonly IBusControl _bus;
    readonly ConcurrentQueue<object> _received;

    BusObserver(IBusControl bus, ConcurrentQueue<object> received) => (_bus, _received) = (bus, received);

    public static async Task<BusObserver> StartAsync(string rabbitMq)
    {
        var address = RabbitMqAddress.Parse(rabbitMq);
        var received = new ConcurrentQueue<object>();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
            });
            cfg.ReceiveEndpoint("media-tests-observer", e =>
            {
                e.Handler<MediaAssetReadyV1>(c => Record(c.Message));
                e.Handler<MediaAssetUpdatedV1>(c => Record(c.Message));
                e.Handler<MediaAssetRetiredV1>(c => Record(c.Message));
            });
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return new BusObserver(bus, received);

        Task Record(object message)
        {
            received.Enqueue(message);
            return Task.CompletedTask;
        }
    }

    public IReadOnlyList<T> All<T>() => _received.OfType<T>().ToList();

    public Task<T> WaitForAsync<T>(Func<T, bool> match, string what) where T : class =>
        Eventually.MatchAsync(() => Task.FromResult(_received.OfType<T>().FirstOrDefault(match)), m => m is not null, TimeSpan.FromSeconds(30), what)!;

    /// <summary>Publishes with an explicit MessageId, as the relay does (MessageId = event id).</summary>
    public Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
