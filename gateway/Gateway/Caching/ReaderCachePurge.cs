using MassTransit;
using Microsoft.AspNetCore.OutputCaching;
using NewsPlatform.Contracts.ReaderFeed;
using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Gateway.Caching;

/// <summary>
/// Purge on change, as a newsroom purges its CDN on publish: ReaderFeed announces every committed change to reader
/// pages (<see cref="ReaderPagesChangedV1"/>) and every gateway instance evicts its own output cache. Each instance
/// listens on a queue of its own that the broker deletes when the instance goes (MassTransit temporary endpoint),
/// so every instance hears every change and no queue outlives its gateway. Best effort by design: when the broker
/// is away the gateway serves and stays ready as before, and cached pages fall back to expiring after
/// <c>Gateway:OutputCache:Duration</c>.
/// </summary>
public static class ReaderCachePurge
{
    public static WebApplicationBuilder AddReaderCachePurge(this WebApplicationBuilder builder)
    {
        // Optional: a gateway without a broker (a developer's single box) still works, only with expiry alone.
        if (builder.Configuration[EventBackbone.RabbitMqKey] is not { Length: > 0 } rabbitMq)
        {
            builder.Services.AddHostedService<PurgeDisabledWarning>();
            return builder;
        }

        builder.AddEventBus("gateway", RabbitMqAddress.Parse(rabbitMq), bus =>
        {
            bus.Essential = false;
            bus.Consumers = x => x.AddConsumer<ReaderPagesChangedConsumer>();
            bus.Bus = (context, cfg) => cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("cache-purge"),
                configureEndpoint: e => e.ConfigureConsumer<ReaderPagesChangedConsumer>(context));
        });
        return builder;
    }

    sealed class PurgeDisabledWarning(ILogger<PurgeDisabledWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("ConnectionStrings:RabbitMq is not set: the output cache is not purged when ReaderFeed changes a page; " +
                              "cached pages show changes only once they expire (Gateway:OutputCache:Duration)");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>
/// Evicts every cached reader response on any change. Evicting everything is deliberate: newsrooms publish a few
/// times a minute at most, a refill costs one request per page to ReaderFeed (which serves it from memory), and
/// knowing which list, feed, sitemap and search page an article appears on is ReaderFeed's business, not the
/// gateway's.
/// </summary>
[ExcludeFromConfigureEndpoints]
public sealed class ReaderPagesChangedConsumer(IOutputCacheStore cache, ILogger<ReaderPagesChangedConsumer> logger) : IConsumer<ReaderPagesChangedV1>
{
    /// <summary>
    /// A second eviction after this long removes a page that was re-cached in between from a ReaderFeed instance
    /// that had not yet noticed the change itself (its own page cache follows a PostgreSQL NOTIFY that can arrive
    /// a moment after this message), or from a request that was already on its way when the first eviction ran.
    /// </summary>
    internal static readonly TimeSpan Repeat = TimeSpan.FromMilliseconds(500);

    public async Task Consume(ConsumeContext<ReaderPagesChangedV1> context)
    {
        var notice = context.Message;
        await cache.EvictByTagAsync(ReaderCachePolicy.Tag, context.CancellationToken);
        CacheMetrics.Purges.Add(1, new KeyValuePair<string, object?>("cause", notice.Cause));
        logger.LogDebug("Purged the reader cache: {Cause} {SubjectId}", notice.Cause, notice.SubjectId);
        _ = EvictAgainAsync();
    }

    async Task EvictAgainAsync()
    {
        try
        {
            await Task.Delay(Repeat);
            await cache.EvictByTagAsync(ReaderCachePolicy.Tag, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The repeated purge of the reader cache failed; cached pages expire on their own");
        }
    }
}
