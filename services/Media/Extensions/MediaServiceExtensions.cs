using JasperFx.Events.Projections;
using MassTransit;
using NewsPlatform.Media.Assets;
using NewsPlatform.Media.Credits;
using NewsPlatform.Media.Heroes;
using NewsPlatform.Media.Renditions;
using NewsPlatform.Media.Storage;
using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;
using Npgsql;

namespace NewsPlatform.Media.Extensions;

public static class MediaServiceExtensions
{
    public const string ServiceName = "media";

    /// <summary>Media's limits, its event store (MediaAsset streams, byte tables), relay and consumers.</summary>
    public static WebApplicationBuilder AddMediaServices(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MediaOptions>(MediaOptions.Section);

        builder.AddEventBackbone(ServiceName, o =>
        {
            o.Marten = opts =>
            {
                opts.Events.AddEventTypes([
                    typeof(MediaUploaded), typeof(MediaMetadataEdited), typeof(RenditionsReady), typeof(MediaRetired),
                    typeof(CreditOnlyMediaRecorded),
                ]);
                opts.Projections.Add(new MediaAssetProjection(), ProjectionLifecycle.Inline);
                MediaTables.Register(opts);
                opts.Schema.For<LiveHero>().Index(x => x.MediaId);
            };
            o.Relay = MediaRelay.Configure;
            o.Consumers = x =>
            {
                x.AddConsumer<ProduceRenditionsConsumer, ProduceRenditionsDefinition>();
                x.AddConsumer<HeroCreditImportedConsumer>();
                x.AddConsumer<HeroOfPublishedArticle>();
                x.AddConsumer<HeroOfRevisedArticle>();
                x.AddConsumer<HeroOfCorrectedArticle>();
                x.AddConsumer<HeroOfRenamedArticle>();
                x.AddConsumer<HeroOfUnpublishedArticle>();
            };
        });

        builder.Services.AddSingleton<MediaStorage>();
        return builder;
    }
}
