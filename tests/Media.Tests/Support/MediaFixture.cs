using System.Net.Http.Headers;
using System.Net.Http.Json;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Media.Read;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Support;

/// <summary>
/// One Media host for the whole collection, on its own PostgreSQL database and RabbitMQ vhost,
/// with a test bus listening for what Media publishes.
/// </summary>
public sealed class MediaFixture : IAsyncLifetime
{
    /// <summary>Small, to show the limit comes from configuration and keep oversized bodies cheap.</summary>
    public const long MaxUploadBytes = 2 * 1024 * 1024;

    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public EventRecorder Bus { get; private set; } = null!;
    public ServiceFactory<MediaEntryPoint> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.CreateAsync();
        // The observer's queue must exist before Media publishes anything.
        Bus = await EventRecorder.StartAsync(Infrastructure.VirtualHost.ConnectionString,
            s => s.To<MediaAssetReadyV1>().To<MediaAssetUpdatedV1>().To<MediaAssetRetiredV1>(), "media-tests-observer");
        var settings = Infrastructure.Settings();
        settings["Media:MaxUploadBytes"] = MaxUploadBytes.ToString();
        Factory = new ServiceFactory<MediaEntryPoint>(settings);
        _ = Factory.Server; // start the host: schema, bus and daemon
    }

    Task<MediaAssetResponse>? _readyPhoto;

    /// <summary>One rendered 700×500 JPEG shared by tests that only read it.</summary>
    public Task<MediaAssetResponse> ReadyPhotoAsync() => _readyPhoto ??= UploadReadyAsync();

    async Task<MediaAssetResponse> UploadReadyAsync()
    {
        using var writer = As("writer");
        var created = await writer.UploadOkAsync(Images.TestImages.Jpeg(700, 500, quality: 71));
        return await WaitUntilReadyAsync(created.Id);
    }

    public HttpClient Anonymous() => Factory.CreateClient();

    public HttpClient As(string role) => WithToken(TestTokens.For(role, $"{role}@newsplatform.test"));

    public HttpClient WithToken(string token)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<long> BlobCount() => Infrastructure.Database.CountAsync("select count(*) from media.media_blobs");

    /// <summary>
    /// MediaAsset streams. Marten also keeps an untyped "tombstone" stream where it records sequence
    /// numbers of a failed commit (e.g. two deliveries racing to start the same stream); it is not an asset.
    /// </summary>
    public Task<long> StreamCount() => Infrastructure.Database.CountAsync("select count(*) from media.mt_streams where type = 'media_asset'");

    public async Task<(long Blobs, long Streams)> Counts() => (await BlobCount(), await StreamCount());

    public async Task<MediaAssetResponse> GetAsync(Guid id)
    {
        using var client = Anonymous();
        return (await client.GetFromJsonAsync<MediaAssetResponse>($"/api/media/{id}"))!;
    }

    /// <summary>Waits for the renditions consumer to finish with a photo.</summary>
    public Task<MediaAssetResponse> WaitUntilReadyAsync(Guid id) =>
        Eventually.MatchAsync(() => GetAsync(id), m => m.Status != "processing", TimeSpan.FromSeconds(60), $"media {id} to be rendered");

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Bus.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MediaCollection : ICollectionFixture<MediaFixture>
{
    public const string Name = "media service";
}
