using NewsPlatform.Media.Renditions;
using NewsPlatform.Media.Tests.Images;
using NewsPlatform.Media.Tests.Support;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Renditions;

[Collection(MediaCollection.Name)]
public class ProduceRenditionsConsumerTests(MediaFixture fixture)
{
    [Fact]
    public async Task A_redelivered_or_repeated_request_renders_nothing_twice()
    {
        using var duplicates = new SkippedDuplicates();
        using var writer = fixture.As("writer");
        var photo = TestImages.Jpeg(500, 300, quality: 58);
        var ready = await fixture.WaitUntilReadyAsync((await writer.UploadOkAsync(photo)).Id);
        var database = fixture.Infrastructure.Database;
        var uploadedEvent = await ScalarAsync<Guid>($"select id from media.mt_events where stream_id = '{ready.Id}' and version = 1");
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo));
        var etags = await RenditionETags(ready.Id);

        // The relay's message again (same MessageId), and a new request for the same photo.
        await fixture.Bus.PublishAsync(new RenditionsRequested(uploadedEvent, ready.Id, sha256), uploadedEvent);
        var again = Guid.NewGuid();
        await fixture.Bus.PublishAsync(new RenditionsRequested(again, ready.Id, sha256), again);

        await duplicates.WaitForAsync<ProduceRenditionsConsumer>(1); // the redelivery is recognised
        await Eventually.MatchAsync(
            () => database.CountAsync($"select count(*) from media.mt_doc_processedmessage where id = 'ProduceRenditionsConsumer:{again:N}'"),
            c => c == 1, TimeSpan.FromSeconds(30), "the repeated request to be handled");
        Assert.Equal(ready.Version, (await fixture.GetAsync(ready.Id)).Version);
        Assert.Equal(1, await database.CountAsync($"select count(*) from media.mt_events where stream_id = '{ready.Id}' and type = 'renditions_ready'"));
        Assert.Equal(etags, await RenditionETags(ready.Id));
    }

    [Fact]
    public async Task A_photo_whose_pixels_do_not_decode_is_retired_with_the_reason()
    {
        using var writer = fixture.As("writer");
        var created = await writer.UploadOkAsync(MaliciousCorpus.UndecodablePng(), "broken.png", "image/png");

        var settled = await fixture.WaitUntilReadyAsync(created.Id);

        Assert.Equal("retired", settled.Status);
        Assert.Contains("could not be rendered", settled.RetiredReason);
        Assert.Empty(settled.Renditions);
        await fixture.Bus.WaitForAsync<Contracts.Media.MediaAssetRetiredV1>(m => m.MediaId == created.Id, "MediaAssetRetiredV1");
        Assert.DoesNotContain(fixture.Bus.All<Contracts.Media.MediaAssetReadyV1>(), m => m.Asset.MediaId == created.Id);
    }

    async Task<List<string>> RenditionETags(Guid id)
    {
        using var reader = fixture.Anonymous();
        var etags = new List<string>();
        foreach (var rendition in (await fixture.GetAsync(id)).Renditions)
            etags.Add((await reader.GetAsync(rendition.Url)).Headers.ETag!.Tag);
        return etags;
    }

    async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Infrastructure.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
