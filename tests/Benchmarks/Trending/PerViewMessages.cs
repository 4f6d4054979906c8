using System.Diagnostics;
using MassTransit;
using NewsPlatform.ServiceDefaults.Messaging;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.Trending;

/// <summary>One message per view: the alternative to per-second aggregation, measured on its own.</summary>
public sealed record ViewSeen(Guid ArticleId, DateTimeOffset At);

/// <summary>
/// How fast RabbitMQ carries one message per view on this machine — published with confirms (as the
/// backbone does) and consumed with MassTransit batch consumption — with no database work at all. If
/// this alone cannot carry the goal rate, per-view messages cannot either.
/// </summary>
public static class PerViewMessages
{
    public sealed record Result(int Messages, double PublishPerSecond, double EndToEndPerSecond);

    public static async Task<Result> MeasureAsync(TestInfrastructure infrastructure, int messages, CancellationToken cancellationToken)
    {
        var address = RabbitMqAddress.Parse(infrastructure.VirtualHost.ConnectionString);
        var consumed = new CountingBatchConsumer();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(address.Host, address.Port, address.VirtualHost, h =>
            {
                h.Username(address.Username);
                h.Password(address.Password);
                h.PublisherConfirmation = true;
            });
            cfg.ReceiveEndpoint("bench-view-seen", e =>
            {
                e.PrefetchCount = 2000;
                e.Batch<ViewSeen>(b =>
                {
                    b.MessageLimit = 500;
                    b.TimeLimit = TimeSpan.FromMilliseconds(100);
                    b.Consumer(() => consumed);
                });
            });
        });
        await bus.StartAsync(cancellationToken);
        try
        {
            using var slots = new SemaphoreSlim(128);
            var clock = Stopwatch.StartNew();
            var publishes = new List<Task>(messages);
            for (var i = 0; i < messages; i++)
            {
                await slots.WaitAsync(cancellationToken);
                publishes.Add(PublishOne(bus, slots, cancellationToken));
            }
            await Task.WhenAll(publishes);
            var published = clock.Elapsed.TotalSeconds;
            while (consumed.Count < messages && clock.Elapsed < TimeSpan.FromMinutes(3))
                await Task.Delay(20, cancellationToken);
            return new Result(messages, messages / published, consumed.Count / clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await bus.StopAsync(cancellationToken);
        }
    }

    static async Task PublishOne(IBus bus, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await bus.Publish(new ViewSeen(Guid.NewGuid(), DateTimeOffset.UtcNow), cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    sealed class CountingBatchConsumer : IConsumer<Batch<ViewSeen>>
    {
        long _count;

        public long Count => Interlocked.Read(ref _count);

        public Task Consume(ConsumeContext<Batch<ViewSeen>> context)
        {
            Interlocked.Add(ref _count, context.Message.Length);
            return Task.CompletedTask;
        }
    }
}
