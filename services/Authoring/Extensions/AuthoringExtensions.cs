using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events.Projections;
using Marten;
using NewsPlatform.Authoring.Accounts;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Articles.Import;
using NewsPlatform.Authoring.Articles.Relay;
using NewsPlatform.Authoring.Articles.Schedule;
using NewsPlatform.Authoring.Articles.Urls;
using NewsPlatform.Authoring.Import.Bulk;
using NewsPlatform.Authoring.Import.Seeding;
using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Extensions;

public static class AuthoringExtensions
{
    public const string ServiceName = "authoring";

    /// <summary>The Article event store, accounts, scheduling and the relay of public article events.</summary>
    public static WebApplicationBuilder AddAuthoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(Sections.From(builder.Configuration));
        builder.Services.AddSingleton<SlugClaims>();
        builder.Services.AddSingleton<ArticleSlugs>();
        builder.Services.AddSingleton<ImportArticleHandler>();
        builder.Services.AddScoped<ArticleCommands>();
        builder.Services.AddSingleton<Passwords>();
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.AddValidatedOptions<LoginThrottleOptions>(LoginThrottleOptions.Section);
        builder.AddValidatedOptions<SchedulingOptions>(SchedulingOptions.Section);
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false)));

        builder.AddEventBackbone(ServiceName, o =>
        {
            o.Marten = ConfigureStore;
            o.Relay = ArticleRelay.Configure;
        });
        // After the backbone, so that Marten's schema is in place when these start.
        builder.Services.AddHostedService<BootstrapAdmin>();
        builder.Services.AddHostedService<ScheduledPublisher>();
        builder.Services.AddHostedService<SeedImportService>();
        builder.AddBulkImport();
        return builder;
    }

    static void ConfigureStore(StoreOptions opts)
    {
        // Who did what: the audit trail reads user names from event metadata ("EnableAll" leaves them off).
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.AddEventTypes([
            typeof(ArticleDrafted), typeof(ArticleEdited), typeof(ArticleSubmitted), typeof(ArticleApproved),
            typeof(ArticleScheduled), typeof(ArticleUnscheduled), typeof(ArticlePublished), typeof(ArticleRevised),
            typeof(ArticleCorrected), typeof(ArticleSlugChanged), typeof(ArticleUnpublished), typeof(HeroCreditImported),
        ]);
        opts.Projections.Add(new ArticleProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<Article>()
            .Index(x => x.Status)
            .Index(x => x.ScheduledFor)
            .Index(x => x.Sequence);
        opts.Schema.For<SlugClaim>();
        opts.Schema.For<UserAccount>();
        opts.Storage.ExtendedSchemaObjects.Add(LoginThrottle.Schema(ServiceName));
    }
}
