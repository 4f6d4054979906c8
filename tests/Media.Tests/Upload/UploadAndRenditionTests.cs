using System.Net;
using System.Net.Http.Json;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Media.Read;
using NewsPlatform.Media.Tests.Images;
using NewsPlatform.Media.Tests.Support;

namespace NewsPlatform.Media.Tests.Upload;

[Collection(MediaCollection.Name)]
public class UploadAndRenditionTests(MediaFixture fixture)
{
    [Fact]
    public async Task A_JPEG_is_accepted_rendered_off_the_request_and_announced_with_every_rendition()
    {
        using var writer = fixture.As("writer");
        var response = await writer.UploadAsync(TestImages.Jpeg(1800, 1200), caption: "Soldiers in the Kursk region", alt: "Soldiers on a road");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<MediaAssetResponse>())!;
        Assert.Equal($"/api/media/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(("processing", 1800, 1200, "image/jpeg"), (created.Status, created.Width!.Value, created.Height!.Value, created.ContentType));
        Assert.Equal((MediaHttp.SeedCredit, "Soldiers in the Kursk region", "Soldiers on a road"), (created.Credit, created.Caption, created.Alt));
        Assert.Equal(10, created.Renditions.Count);

        var ready = await fixture.WaitUntilReadyAsync(created.Id);
        Assert.Equal("ready", ready.Status);
        int[] widths = [320, 640, 1024, 1600, 1800];
        Assert.Equal(widths.SelectMany(w => new[] { $"/media/{created.Id}/{w}.jpg", $"/media/{created.Id}/{w}.webp" }),
            ready.Renditions.Select(r => r.Url));

        var announced = await fixture.Bus.WaitForAsync<MediaAssetReadyV1>(m => m.Asset.MediaId == created.Id, "MediaAssetReadyV1");
        Assert.Equal(created.Id, announced.StreamId);
        Assert.Equal((1800, 1200, MediaHttp.SeedCredit, "Soldiers in the Kursk region", "Soldiers on a road"),
            (announced.Asset.Width!.Value, announced.Asset.Height!.Value, announced.Asset.Credit, announced.Asset.Caption, announced.Asset.Alt));
        Assert.Equal(ready.Renditions.Select(r => (r.Width, r.Height, r.Format, r.Url)),
            announced.Asset.Renditions.Select(r => (r.Width, r.Height, r.Format, r.Url)));

        using var reader = fixture.Anonymous();
        foreach (var rendition in ready.Renditions)
        {
            var image = await reader.GetAsync(rendition.Url);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal(rendition.Format == "jpg" ? "image/jpeg" : "image/webp", image.Content.Headers.ContentType?.MediaType);
            var bytes = await image.Content.ReadAsByteArrayAsync();
            using var decoded = TestImages.Decode(bytes);
            Assert.Equal((rendition.Width, rendition.Height), (decoded.Width, decoded.Height));
            Assert.False(Exif.Carries(bytes));
        }
    }

    [Theory]
    [InlineData("png", "photo.png", "image/png")]
    [InlineData("webp", "photo.webp", "image/webp")]
    public async Task PNG_and_WebP_are_accepted_and_rendered(string kind, string fileName, string declaredType)
    {
        var bytes = kind == "png" ? TestImages.Png(900, 600) : TestImages.WebP(900, 600);
        using var writer = fixture.As("writer");

        var created = await writer.UploadOkAsync(bytes, fileName, declaredType);
        var ready = await fixture.WaitUntilReadyAsync(created.Id);

        Assert.Equal($"image/{kind}", created.ContentType);
        Assert.Equal([320, 320, 640, 640, 900, 900], ready.Renditions.Select(r => r.Width));
        using var reader = fixture.Anonymous();
        foreach (var rendition in ready.Renditions)
        {
            using var decoded = TestImages.Decode(await reader.GetByteArrayAsync(rendition.Url));
            Assert.Equal((rendition.Width, rendition.Height), (decoded.Width, decoded.Height));
        }
    }

    [Fact]
    public async Task A_portrait_with_EXIF_orientation_is_served_upright_without_EXIF_or_GPS()
    {
        using var writer = fixture.As("writer");
        var original = TestImages.PortraitJpegWithExif(400, 300);

        var created = await writer.UploadOkAsync(original);
        Assert.Equal((300, 400), (created.Width!.Value, created.Height!.Value));
        var ready = await fixture.WaitUntilReadyAsync(created.Id);

        using var reader = fixture.Anonymous();
        var bytes = await reader.GetByteArrayAsync($"/media/{created.Id}/300.jpg");
        Assert.False(Exif.Carries(bytes));
        Assert.DoesNotContain(Exif.JpegSegments(bytes), s => s.Marker == 0xE1);
        using var upright = TestImages.Decode(bytes);
        Assert.Equal((300, 400), (upright.Width, upright.Height));
        // Turned 90° clockwise: the stored top-left (red) is now top-right, the stored bottom-left (blue) top-left.
        Assert.True(TestImages.Near(upright.GetPixel(225, 50), TestImages.TopLeft));
        Assert.True(TestImages.Near(upright.GetPixel(75, 50), TestImages.BottomLeft));
        Assert.Equal(["300.jpg", "300.webp"], ready.Renditions.Select(r => r.Url.Split('/')[^1]));
    }

    [Fact]
    public async Task A_single_pixel_gets_a_one_pixel_rendition()
    {
        using var writer = fixture.As("writer");

        var created = await writer.UploadOkAsync(TestImages.Png(1, 1), "dot.png", "image/png");
        var ready = await fixture.WaitUntilReadyAsync(created.Id);

        Assert.Equal([(1, 1, "jpg"), (1, 1, "webp")], ready.Renditions.Select(r => (r.Width, r.Height, r.Format)));
        using var reader = fixture.Anonymous();
        using var decoded = TestImages.Decode(await reader.GetByteArrayAsync($"/media/{created.Id}/1.webp"));
        Assert.Equal((1, 1), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_very_wide_banner_is_rendered_at_every_standard_width_and_never_wider()
    {
        using var writer = fixture.As("writer");

        var created = await writer.UploadOkAsync(TestImages.Jpeg(6000, 40));
        var ready = await fixture.WaitUntilReadyAsync(created.Id);

        Assert.Equal([(320, 2), (640, 4), (1024, 7), (1600, 11), (2400, 16)],
            ready.Renditions.Where(r => r.Format == "jpg").Select(r => (r.Width, r.Height)));
        using var reader = fixture.Anonymous();
        using var widest = TestImages.Decode(await reader.GetByteArrayAsync($"/media/{created.Id}/2400.webp"));
        Assert.Equal((2400, 16), (widest.Width, widest.Height));
    }

    [Fact]
    public async Task The_same_bytes_uploaded_twice_are_one_blob_and_two_assets()
    {
        var bytes = TestImages.Jpeg(500, 400, quality: 77);
        using var writer = fixture.As("writer");
        var (blobs, streams) = await fixture.Counts();

        var first = await writer.UploadOkAsync(bytes);
        var second = await writer.UploadOkAsync(bytes);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((blobs + 1, streams + 2), await fixture.Counts());
        await fixture.WaitUntilReadyAsync(first.Id);
        await fixture.WaitUntilReadyAsync(second.Id);
    }
}
