using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Maintenance;
using NewsPlatform.Trending.Ranking;
using NewsPlatform.Trending.Replay;
using NewsPlatform.Trending.Scoring;
using NewsPlatform.Trending.Storage;
using Npgsql;

namespace NewsPlatform.Trending.Extensions;

public static class TrendingExtensions
{
    public const string ServiceName = "trending";

    /// <summary>
    /// The catalog and scoring consumers on the event backbone, the ingest pipeline (filters, buffer,
    /// batch publisher), the readers, and the background loops. Hosted services start in this order after
    /// Marten has created the tables, and stop in reverse — the batch publisher before the bus.
    /// </summary>
    public static WebApplicationBuilder AddTrending(this WebApplicationBuilder builder)
    {
        var settings = builder.AddValidatedOptions<TrendingOptions>(TrendingOptions.Section);

        builder.AddEventBackbone(ServiceName, o =>
        {
            o.Marten = TrendingSchema.Register;
            o.Consumers = x =>
            {
                x.AddConsumer<ArticlePublishedConsumer>();
                x.AddConsumer<ArticleRevisedConsumer>();
                x.AddConsumer<ArticleCorrectedConsumer>();
                x.AddConsumer<ArticleSlugChangedConsumer>();
                x.AddConsumer<ArticleUnpublishedConsumer>();
                x.AddConsumer<ViewBatchConsumer>();
            };
        });

        var services = builder.Services;
        services.AddSingleton(new TrendingTables(ServiceName));

        services.AddSingleton<LiveArticles>();
        services.AddSingleton<ReaderSalts>();
        services.AddSingleton(new RepeatFilter(settings.RepeatWindow, settings.RepeatCapacity));
        services.AddSingleton(new ViewBuffer(settings.MaxBatchViews));
        services.AddSingleton<IngestStats>();
        services.AddSingleton<ViewIngest>();
        services.AddSingleton<ViewBatchPublisher>();
        services.AddSingleton<TrendingReader>();
        services.AddSingleton<ReplayReader>();

        services.AddHostedService<ReaderSaltRotation>();
        services.AddHostedService<LiveArticlesRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<ViewBatchPublisher>());
        services.AddHostedService<TrendingChangePublisher>();
        services.AddHostedService<TrendingCleanup>();
        return builder;
    }
}
