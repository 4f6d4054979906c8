using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Assets;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.EventLog;
using NewsPlatform.ReaderFeed.Feeds;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Newsroom;
using NewsPlatform.ReaderFeed.Pages;
using NewsPlatform.ReaderFeed.Rebuild;
using NewsPlatform.ReaderFeed.Rendering;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ReaderFeed.Telemetry;
using NewsPlatform.ReaderFeed.Trending;
using NewsPlatform.Rendering;
using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Newsroom;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;
using Weasel.Postgresql.Tables;

namespace NewsPlatform.ReaderFeed.Extensions;

public static class ReaderFeedExtensions
{
    public const string ServiceName = "readerfeed";

    /// <summary>Newsroom settings, the event log and read models in Marten, the consumers, rendering and caching.</summary>
    public static WebApplicationBuilder AddReaderFeed(this WebApplicationBuilder builder)
    {
        var newsroom = builder.AddValidatedOptions<NewsroomOptions>(NewsroomOptions.Section);
        var pageCacheBytes = builder.AddValidatedOptions<PageCacheOptions>(PageCacheOptions.Section).MaxBytes;
        var sections = Sections.From(builder.Configuration);
        var newsroomTime = new NewsroomTime(newsroom.TimeZone.Trim());
        var postgres = builder.Configuration.Require(EventBackbone.PostgresKey);
        var search = new SearchIndex(ServiceName, newsroom.SearchConfiguration);
        var assets = new SiteAssets();

        var services = builder.Services;
        services.AddSingleton(sections);
        services.AddSingleton(newsroomTime);
        services.AddSingleton(search);
        services.AddSingleton(assets);
        services.AddSingleton(new SiteChrome(newsroom.SiteName, newsroom.SiteRoot, newsroom.Language, sections.All, assets.StylesheetUrl, assets.BeaconUrl, assets.IconUrl));
        services.AddSingleton<Presenter>();
        services.AddSingleton<ArticleBody>();
        services.AddSingleton<ArticleSearch>();
        services.AddSingleton<ComponentRenderer>();
        services.AddSingleton<ReadModelChanges>();
        services.AddSingleton(sp =>
        {
            var cache = new PageCache(sp.GetRequiredService<ReadModelChanges>(), sp.GetRequiredService<TimeProvider>(), pageCacheBytes);
            ReaderFeedTelemetry.ObservePageCache(cache);
            return cache;
        });
        services.AddSingleton<SiteContext>();
        services.AddSingleton<ReadModelWriter>();
        services.AddSingleton(sp => new ReadModelRebuilder(sp.GetRequiredService<IDocumentStore>(), search, sp.GetRequiredService<NpgsqlDataSource>(), postgres));
        services.AddSingleton<RebuildWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RebuildWorker>());
        services.AddHostedService<ChangeListener>();

        builder.AddEventBackbone(ServiceName, o =>
        {
            o.Marten = ConfigureMarten;
            o.Consumers = x =>
            {
                x.AddConsumer<ArticlePublishedConsumer>();
                x.AddConsumer<ArticleRevisedConsumer>();
                x.AddConsumer<ArticleCorrectedConsumer>();
                x.AddConsumer<ArticleSlugChangedConsumer>();
                x.AddConsumer<ArticleUnpublishedConsumer>();
                x.AddConsumer<MediaAssetReadyConsumer>();
                x.AddConsumer<MediaAssetUpdatedConsumer>();
                x.AddConsumer<MediaAssetRetiredConsumer>();
                x.AddConsumer<TrendingChangedConsumer>();
            };
        });
        return builder;
    }

    static void ConfigureMarten(StoreOptions opts)
    {
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        opts.Events.AddEventTypes(EventLogStreams.EventTypes);
        opts.Schema.For<ArticleView>()
            .Duplicate(x => x.Status)
            // Lists are read newest first a page at a time, after a (published_at, id) cursor: these indexes walk
            // straight to the page whatever the archive's size (ArticleQueries.LatestAsync).
            .Duplicate(x => x.Section, configure: i => i.Columns = ["section", "published_at", "id"])
            .Duplicate(x => x.PublishedAt, configure: i => i.Columns = ["published_at", "id"])
            // The sitemap index counts live articles per month from this index alone (Sitemaps).
            .Duplicate(x => x.LastChangedAt, configure: i => i.Columns = ["status", "published_at", "last_changed_at"])
            .Duplicate(x => x.Path)
            // Array columns with GIN indexes for the two containment lookups, instead of indexing whole documents.
            .Duplicate(x => x.AuthorSlugs, "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, i => i.Method = IndexMethod.gin)
            .Duplicate(x => x.PreviousPaths, "text[]", NpgsqlDbType.Array | NpgsqlDbType.Text, i => i.Method = IndexMethod.gin);
        opts.Schema.For<MediaView>();
        opts.Schema.For<TrendingView>();
        opts.Schema.For<RebuildRun>();
        opts.Storage.ExtendedSchemaObjects.AddRange(SearchIndex.SchemaObjects(ServiceName));
    }

    /// <summary>Security headers, and never a cacheable 5xx.</summary>
    public static WebApplication UseReaderFeed(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode >= 500) context.Response.Headers.CacheControl = CacheHeaders.Never;
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    public static WebApplication MapReaderFeed(this WebApplication app)
    {
        app.MapSiteAssets();
        app.MapFeedApi();
        app.MapRebuildApi();
        app.MapReaderSite();
        return app;
    }
}
