using System.Net.Http.Json;
using System.Text.Json;
using NewsPlatform.Media.Tests.Support;

namespace NewsPlatform.Media.Tests;

[Collection(MediaCollection.Name)]
public class OpenApiTests(MediaFixture fixture)
{
    [Fact]
    public async Task The_media_document_describes_every_route()
    {
        using var client = fixture.Anonymous();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/media.json");

        var paths = document.GetProperty("paths");
        Assert.Equal(["/api/media", "/api/media/{id}", "/api/media/admin/replays", "/api/media/admin/replays/{id}", "/media/{id}/{file}"], paths.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(["delete", "get", "put"], paths.GetProperty("/api/media/{id}").EnumerateObject().Select(p => p.Name).Order());
        Assert.True(paths.GetProperty("/api/media").GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
    }
}
