using NewsPlatform.Contracts.Articles;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Media.Credits;
using NewsPlatform.Media.Tests.Support;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Credits;

/// <summary>Imported articles name a hero credit without an image; Media keeps it as a credit-only asset.</summary>
[Collection(MediaCollection.Name)]
public class CreditOnlyTests(MediaFixture fixture)
{
    [Fact]
    public async Task A_duplicate_delivery_creates_one_credit_only_asset_announced_as_ready()
    {
        using var duplicates = new SkippedDuplicates();
        var mediaId = Guid.NewGuid();
        var article = Guid.NewGuid();
        var imported = new HeroCreditImportedV1(Guid.NewGuid(), article, 3, DateTimeOffset.UtcNow, mediaId, MediaHttp.SeedCredit, "Soldiers in Kursk");
        var streams = await fixture.StreamCount();

        await fixture.Bus.PublishAsync(imported, imported.EventId);
        await fixture.Bus.PublishAsync(imported, imported.EventId); // the broker redelivers the same message

        var ready = await fixture.Bus.WaitForAsync<MediaAssetReadyV1>(m => m.Asset.MediaId == mediaId, "MediaAssetReadyV1 for the credit");
        await duplicates.WaitForAsync<HeroCreditImportedConsumer>(1); // the redelivery is recognised

        Assert.Equal(new PublicMediaAsset(mediaId, null, null, MediaHttp.SeedCredit, "Soldiers in Kursk", "", null, ready.Asset.Renditions), ready.Asset);
        Assert.Empty(ready.Asset.Renditions);
        Assert.Equal(streams + 1, await fixture.StreamCount());
        Assert.Equal(1, await fixture.Infrastructure.Database.CountAsync($"select count(*) from media.mt_events where stream_id = '{mediaId}'"));
        var asset = await fixture.GetAsync(mediaId);
        Assert.Equal(("credit-only", (int?)null, (int?)null, MediaHttp.SeedCredit), (asset.Status, asset.Width, asset.Height, asset.Credit));
        Assert.Empty(asset.Renditions);
    }

    [Fact]
    public async Task A_second_import_of_the_same_media_id_keeps_the_first_credit()
    {
        var mediaId = Guid.NewGuid();
        var first = new HeroCreditImportedV1(Guid.NewGuid(), Guid.NewGuid(), 1, DateTimeOffset.UtcNow, mediaId, "Photo: first", null);
        var second = first with { EventId = Guid.NewGuid(), Credit = "Photo: second", StreamVersion = 2 };

        await fixture.Bus.PublishAsync(first, first.EventId);
        await fixture.Bus.WaitForAsync<MediaAssetReadyV1>(m => m.Asset.MediaId == mediaId, "MediaAssetReadyV1");
        await fixture.Bus.PublishAsync(second, second.EventId);
        await Eventually.MatchAsync(
            () => fixture.Infrastructure.Database.CountAsync($"select count(*) from media.mt_doc_processedmessage where id = 'HeroCreditImportedConsumer:{second.EventId:N}'"),
            c => c == 1, TimeSpan.FromSeconds(30), "the second import to be applied");

        Assert.Equal("Photo: first", (await fixture.GetAsync(mediaId)).Credit);
        Assert.Equal(1, await fixture.Infrastructure.Database.CountAsync($"select count(*) from media.mt_events where stream_id = '{mediaId}'"));
    }
}
