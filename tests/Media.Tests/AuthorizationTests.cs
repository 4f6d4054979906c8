using System.Net;
using System.Net.Http.Json;
using NewsPlatform.Media.Tests.Images;
using NewsPlatform.Media.Tests.Support;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests;

/// <summary>The write routes need a valid newsroom token; every newsroom role may upload and edit.</summary>
[Collection(MediaCollection.Name)]
public class AuthorizationTests(MediaFixture fixture)
{
    static readonly string[] BadTokenKinds = ["expired", "wrong audience", "wrong key", "alg none", "garbage"];

    public static TheoryData<string> BadTokens() => [.. BadTokenKinds];

    static string Token(string kind) => kind switch
    {
        "expired" => TestTokens.Expired("writer"),
        "wrong audience" => TestTokens.WrongAudience("writer"),
        "wrong key" => TestTokens.WrongKey("writer"),
        "alg none" => TestTokens.Unsigned("writer"),
        _ => "not-a-jwt",
    };

    [Fact]
    public async Task Anonymous_upload_is_401_and_stores_nothing()
    {
        var before = await fixture.Counts();
        using var anonymous = fixture.Anonymous();

        var response = await anonymous.UploadAsync(TestImages.Jpeg(200, 100));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("needs a bearer token", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.Counts());
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Upload_with_a_bad_token_is_401_and_stores_nothing(string kind)
    {
        var before = await fixture.Counts();
        using var client = fixture.WithToken(Token(kind));

        var response = await client.UploadAsync(TestImages.Jpeg(200, 100));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.Counts());
    }

    [Fact]
    public async Task A_token_without_a_newsroom_role_is_403()
    {
        using var client = fixture.As("subscriber");

        var response = await client.UploadAsync(TestImages.Jpeg(200, 100));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await response.ProblemAsync();
    }

    [Theory]
    [InlineData("writer")]
    [InlineData("editor")]
    [InlineData("admin")]
    public async Task Every_newsroom_role_may_upload_and_edit(string role)
    {
        using var client = fixture.As(role);

        var created = await client.UploadOkAsync(TestImages.Jpeg(200, 100));
        var edit = await client.PutAsJsonAsync($"/api/media/{created.Id}", new { credit = $"Photo: {role}", caption = "c", alt = "a" });

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal($"Photo: {role}", (await fixture.GetAsync(created.Id)).Credit);
    }

    [Fact]
    public async Task Editing_needs_a_valid_token()
    {
        var photo = await fixture.ReadyPhotoAsync();
        var body = new { credit = "Photo: intruder", caption = "", alt = "" };

        using var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync($"/api/media/{photo.Id}", body)).StatusCode);
        foreach (var kind in BadTokenKinds)
        {
            using var client = fixture.WithToken(Token(kind));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsJsonAsync($"/api/media/{photo.Id}", body)).StatusCode);
        }
        Assert.Equal(photo.Credit, (await fixture.GetAsync(photo.Id)).Credit);
    }

    [Fact]
    public async Task Retiring_needs_an_editor()
    {
        using var writer = fixture.As("writer");
        var created = await writer.UploadOkAsync(TestImages.Jpeg(200, 100, quality: 60));

        using var anonymous = fixture.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync($"/api/media/{created.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await writer.DeleteAsync($"/api/media/{created.Id}")).StatusCode);
        Assert.NotEqual("retired", (await fixture.GetAsync(created.Id)).Status);
    }
}
