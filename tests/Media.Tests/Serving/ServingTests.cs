using System.Net;
using System.Net.Http.Headers;
using NewsPlatform.Media.Tests.Support;

namespace NewsPlatform.Media.Tests.Serving;

[Collection(MediaCollection.Name)]
public class ServingTests(MediaFixture fixture)
{
    [Fact]
    public async Task A_rendition_is_cacheable_forever_with_an_ETag_and_answers_304_when_unchanged()
    {
        var created = await fixture.ReadyPhotoAsync();
        using var reader = fixture.Anonymous();

        var response = await reader.GetAsync($"/media/{created.Id}/640.webp");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
        var etag = response.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/media/{created.Id}/640.webp");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await reader.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/media/{created.Id}/640.webp");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await reader.SendAsync(stale)).StatusCode);
    }

    [Theory]
    [InlineData("/media/{id}/333.jpg", "no 333 px jpg rendition")]
    [InlineData("/media/{id}/2400.jpg", "no 2400 px jpg rendition")]
    [InlineData("/media/{id}/640.gif", "not a rendition name")]
    [InlineData("/media/{id}/640.JPG", "not a rendition name")]
    [InlineData("/media/{id}/0640.jpg", "not a rendition name")]
    [InlineData("/media/{id}/..%2F..%2Fappsettings.json", "not a rendition name")]
    [InlineData("/media/00000000-0000-0000-0000-000000000000/640.jpg", "no 640 px jpg rendition")]
    [InlineData("/media/not-a-guid/640.jpg", "is not a media id")]
    [InlineData("/media/..%2F..%2Fetc/passwd", "is not a media id")]
    public async Task Unknown_ids_widths_and_names_are_404_problems(string path, string detail)
    {
        var created = await fixture.ReadyPhotoAsync();
        using var reader = fixture.Anonymous();

        var response = await reader.GetAsync(path.Replace("{id}", created.Id.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(detail, (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Null(response.Headers.CacheControl);
    }

    [Fact]
    public async Task Unknown_media_metadata_is_a_404_problem()
    {
        using var reader = fixture.Anonymous();

        var response = await reader.GetAsync($"/api/media/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no media with id", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }
}
