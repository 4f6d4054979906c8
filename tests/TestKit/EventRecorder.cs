using System.Collections.Concurrent;
using MassTransit;
using NewsPlatform.Contracts;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.TestKit;

/// <summary>
/// A bus of the test's own on the test's RabbitMQ virtual host, standing in for another service: it subscribes
/// to the message types it is given, as that service would, records every one that reaches its queue (with its
/// MessageId), and publishes as a relay does. It observes what the service under test announces;
/// <see cref="ConsumeCounter"/> instead counts what the service's own consumers finished.
/// </summary>
public sealed class EventRecorder : IAsyncDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public sealed record Received(object Message, Guid? MessageId);

    readonly ConcurrentQueue<Received> _received = new();
    IBusControl _bus = null!;

    EventRecorder() { }

    /// <summary>
    /// A started recorder. With a <paramref name="queue"/> name the subscription is a durable queue (it must exist
    /// before the service under test publishes); without one it is a temporary queue of its own, gone when the
    /// recorder stops.
    /// </summary>
    public static async Task<EventRecorder> StartAsync(string rabbitMqConnection, Action<Subscriptions> subscribe, string? queue = null)
    {
        var recorder = new EventRecorder();
        var address = RabbitMqAddress.Parse(rabbitMqConnection);
        recorder._bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.ConnectTo(address);
            void Endpoint(IRabbitMqReceiveEndpointConfigurator e) => subscribe(new Subscriptions(e, recorder));
            if (queue is null) cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance, Endpoint);
            else cfg.ReceiveEndpoint(queue, Endpoint);
        });
        await recorder._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return recorder;
    }

    /// <summary>The message types a recorder subscribes to.</summary>
    public sealed class Subscriptions
    {
        readonly IReceiveEndpointConfigurator _endpoint;
        readonly EventRecorder _recorder;

        internal Subscriptions(IReceiveEndpointConfigurator endpoint, EventRecorder recorder) => (_endpoint, _recorder) = (endpoint, recorder);

        /// <summary>
        /// Records every <typeparamref name="T"/>; <paramref name="onArrival"/>, when given, runs first, for a test
        /// that must look at the world at the moment the message arrived.
        /// </summary>
        public Subscriptions To<T>(Func<T, Task>? onArrival = null) where T : class
        {
            _endpoint.Handler<T>(async context =>
            {
                if (onArrival is not null) await onArrival(context.Message);
                _recorder._received.Enqueue(new Received(context.Message, context.MessageId));
            });
            return this;
        }
    }

    /// <summary>Every message received so far, in arrival order.</summary>
    public IReadOnlyList<Received> All() => _received.ToList();

    /// <summary>The messages of type <typeparamref name="T"/> received so far, in arrival order.</summary>
    public IReadOnlyList<T> All<T>() => _received.Select(r => r.Message).OfType<T>().ToList();

    /// <summary>The messages received so far about one stream (an article, say), in arrival order.</summary>
    public IReadOnlyList<Received> For(Guid streamId) =>
        _received.Where(r => r.Message is IStreamIntegrationEvent e && e.StreamId == streamId).ToList();

    /// <summary>Waits until a <typeparamref name="T"/> that matches has arrived.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, string what) where T : class =>
        (await Eventually.MatchAsync(() => Task.FromResult(All<T>().FirstOrDefault(match)), m => m is not null, Timeout, what))!;

    /// <summary>Waits until a <typeparamref name="T"/> about the stream (that matches <paramref name="where"/>) has arrived.</summary>
    public Task<T> WaitForAsync<T>(Guid streamId, Func<T, bool>? where = null) where T : class, IStreamIntegrationEvent =>
        WaitForAsync<T>(m => m.StreamId == streamId && (where?.Invoke(m) ?? true), $"{typeof(T).Name} for {streamId}");

    /// <summary>Waits until <paramref name="count"/> messages of type <typeparamref name="T"/> about the stream have arrived; all of them so far.</summary>
    public Task<IReadOnlyList<T>> WaitForAllAsync<T>(Guid streamId, int count = 1) where T : class, IStreamIntegrationEvent =>
        Eventually.MatchAsync(() => Task.FromResult<IReadOnlyList<T>>(All<T>().Where(m => m.StreamId == streamId).ToList()),
            found => found.Count >= count, Timeout, $"{count} × {typeof(T).Name} for {streamId}");

    /// <summary>Publishes with an explicit MessageId, as the relay does (MessageId = event id).</summary>
    public Task PublishAsync<T>(T message, Guid messageId) where T : class =>
        _bus.Publish(message, context => context.MessageId = messageId);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
