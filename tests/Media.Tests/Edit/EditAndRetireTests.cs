using System.Net;
using System.Net.Http.Json;
using NewsPlatform.Contracts.Media;
using NewsPlatform.Media.Read;
using NewsPlatform.Media.Tests.Images;
using NewsPlatform.Media.Tests.Support;

namespace NewsPlatform.Media.Tests.Edit;

[Collection(MediaCollection.Name)]
public class EditAndRetireTests(MediaFixture fixture)
{
    [Fact]
    public async Task Editing_the_metadata_publishes_the_whole_updated_asset()
    {
        using var writer = fixture.As("writer");
        var created = await writer.UploadOkAsync(TestImages.Jpeg(900, 600, quality: 66));
        var ready = await fixture.WaitUntilReadyAsync(created.Id);

        var response = await writer.PutAsJsonAsync($"/api/media/{created.Id}",
            new { credit = "Photo: Reuters", caption = "Troops near Kursk", alt = "Troops on a road", focalPoint = new { x = 0.3, y = 0.6 } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = (await response.Content.ReadFromJsonAsync<MediaAssetResponse>())!;
        Assert.Equal($"\"{ready.Version + 1}\"", response.Headers.ETag?.Tag);
        Assert.Equal(("Photo: Reuters", "Troops near Kursk", "Troops on a road", new NewsPlatform.Media.Assets.FocalPoint(0.3, 0.6)),
            (edited.Credit, edited.Caption, edited.Alt, edited.FocalPoint));

        var updated = await fixture.Bus.WaitForAsync<MediaAssetUpdatedV1>(m => m.Asset.MediaId == created.Id, "MediaAssetUpdatedV1");
        Assert.Equal(ready.Version + 1, updated.StreamVersion);
        Assert.Equal(("Photo: Reuters", "Troops near Kursk", "Troops on a road", new FocalPoint(0.3, 0.6)),
            (updated.Asset.Credit, updated.Asset.Caption, updated.Asset.Alt, updated.Asset.FocalPoint));
        Assert.Equal(ready.Renditions.Select(r => r.Url), updated.Asset.Renditions.Select(r => r.Url));
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_changes_nothing()
    {
        using var writer = fixture.As("writer");
        var created = await writer.UploadOkAsync(TestImages.Jpeg(300, 200, quality: 64));
        await writer.PutAsJsonAsync($"/api/media/{created.Id}", new { credit = "Photo: first edit", caption = "", alt = "" });

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/media/{created.Id}")
        {
            Content = JsonContent.Create(new { credit = "Photo: based on version 1", caption = "", alt = "" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var response = await writer.SendAsync(request);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Contains("no longer at version 1", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal("Photo: first edit", (await fixture.GetAsync(created.Id)).Credit);
    }

    [Fact]
    public async Task An_If_Match_that_is_not_a_quoted_version_is_400_and_changes_nothing()
    {
        using var writer = fixture.As("writer");
        var created = await writer.UploadOkAsync(TestImages.Jpeg(300, 200, quality: 64));

        foreach (var header in new[] { "1", "\"1\", \"2\"", "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/media/{created.Id}")
            {
                Content = JsonContent.Create(new { credit = "Photo: should not be saved", caption = "", alt = "" }),
            };
            request.Headers.TryAddWithoutValidation("If-Match", header);
            var response = await writer.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("one version number in quotes", (await response.ProblemAsync()).GetProperty("detail").GetString());
        }
        Assert.Equal(created.Credit, (await fixture.GetAsync(created.Id)).Credit);
    }

    [Fact]
    public async Task Invalid_edits_are_400_naming_each_field()
    {
        var photo = await fixture.ReadyPhotoAsync();
        using var writer = fixture.As("writer");

        var invalid = await writer.PutAsJsonAsync($"/api/media/{photo.Id}", new { credit = "", caption = "", alt = "", focalPoint = new { x = 2, y = 0.5 } });
        var unknown = await writer.PutAsJsonAsync($"/api/media/{photo.Id}", new { credit = "Photo: x", photographer = "someone" });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.ProblemAsync()).GetProperty("errors");
        Assert.Contains("credit is required", errors.GetProperty("credit")[0].GetString());
        Assert.Contains("between 0 and 1", errors.GetProperty("focalPoint")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("photographer", (await unknown.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(photo.Credit, (await fixture.GetAsync(photo.Id)).Credit);
    }

    [Fact]
    public async Task Editing_unknown_media_is_404()
    {
        using var writer = fixture.As("writer");

        var response = await writer.PutAsJsonAsync($"/api/media/{Guid.NewGuid()}", new { credit = "Photo: x", caption = "", alt = "" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await response.ProblemAsync();
    }

    [Fact]
    public async Task A_retired_photo_is_no_longer_served_is_announced_and_cannot_be_edited()
    {
        using var writer = fixture.As("writer");
        using var editor = fixture.As("editor");
        var created = await writer.UploadOkAsync(TestImages.Jpeg(400, 300, quality: 62));
        await fixture.WaitUntilReadyAsync(created.Id);
        using var reader = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/media/{created.Id}/400.jpg")).StatusCode);

        var retire = await editor.DeleteAsync($"/api/media/{created.Id}?reason=Rights%20expired");

        Assert.Equal(HttpStatusCode.OK, retire.StatusCode);
        var retired = await fixture.GetAsync(created.Id);
        Assert.Equal(("retired", "Rights expired", 0), (retired.Status, retired.RetiredReason, retired.Renditions.Count));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/media/{created.Id}/400.jpg")).StatusCode);
        await fixture.Bus.WaitForAsync<MediaAssetRetiredV1>(m => m.MediaId == created.Id, "MediaAssetRetiredV1");
        var edit = await writer.PutAsJsonAsync($"/api/media/{created.Id}", new { credit = "Photo: too late", caption = "", alt = "" });
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("Rights expired", (await edit.ProblemAsync()).GetProperty("detail").GetString());
    }
}
