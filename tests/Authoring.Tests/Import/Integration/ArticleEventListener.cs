using System.Collections.Concurrent;
using MassTransit;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

/// <summary>
/// Listens on the test vhost, as another service would, for the article events Authoring relays. Started
/// before the host so that nothing relayed at start-up (the seeds) is missed.
/// </summary>
public sealed class ArticleEventListener : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<ArticlePublishedV1> _published = new();
    private readonly ConcurrentQueue<HeroCreditImportedV1> _credits = new();

    private ArticleEventListener(string rabbitMq)
    {
        var address = RabbitMqAddress.Parse(rabbitMq);
        _bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
            });
            cfg.ReceiveEndpoint("import-tests-listener", e =>
            {
                e.Handler<ArticlePublishedV1>(context => Record(_published, context.Message));
                e.Handler<HeroCreditImportedV1>(context => Record(_credits, context.Message));
            });
        });
    }

    public static async Task<ArticleEventListener> StartAsync(string rabbitMq)
    {
        var listener = new ArticleEventListener(rabbitMq);
        await listener._bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return listener;
    }

    public Task<IReadOnlyList<ArticlePublishedV1>> PublishedAsync(Guid articleId, int count = 1) =>
        WaitForAsync(_published, m => m.StreamId == articleId, count, $"ArticlePublishedV1 for {articleId}");

    public Task<IReadOnlyList<HeroCreditImportedV1>> CreditsAsync(Guid articleId, int count = 1) =>
        WaitForAsync(_credits, m => m.StreamId == articleId, count, $"HeroCreditImportedV1 for {articleId}");

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private static Task Record<T>(ConcurrentQueue<T> queue, T message)
    {
        queue.Enqueue(message);
        return Task.CompletedTask;
    }

    private static async Task<IReadOnlyList<T>> WaitForAsync<T>(ConcurrentQueue<T> queue, Func<T, bool> match, int count, string what) =>
        await TestKit.Eventually.MatchAsync(
            () => Task.FromResult<IReadOnlyList<T>>(queue.Where(match).ToList()),
            found => found.Count >= count,
            TimeSpan.FromSeconds(30),
            what);
}
