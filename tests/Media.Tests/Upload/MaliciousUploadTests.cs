using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using NewsPlatform.Media.Tests.Images;
using NewsPlatform.Media.Tests.Support;
using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Upload;

/// <summary>Every refused upload answers with the right status and a detail saying why — and stores nothing.</summary>
[Collection(MediaCollection.Name)]
public class MaliciousUploadTests(MediaFixture fixture)
{
    public static TheoryData<string> Corpus() => [.. MaliciousCorpus.All.Select(u => u.Name)];

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Is_refused_with_a_clear_problem_and_nothing_is_stored(string name)
    {
        var upload = MaliciousCorpus.Named(name);
        using var writer = fixture.As("writer");
        var before = await fixture.Counts();

        var response = await writer.UploadAsync(upload.Bytes, upload.FileName, upload.DeclaredType);

        Assert.Equal(upload.Status, (int)response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(upload.Status, problem.GetProperty("status").GetInt32());
        Assert.Contains(upload.DetailContains, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.Counts());
    }

    [Fact]
    public async Task A_file_one_byte_over_the_configured_limit_is_413()
    {
        var before = await fixture.Counts();
        using var writer = fixture.As("writer");

        var response = await writer.UploadAsync(Oversized(MediaFixture.MaxUploadBytes + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("The file is larger than the 2 MB limit for a photo.", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.Counts());
    }

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_is_refused_before_it_is_read()
    {
        var before = await fixture.Counts();
        using var writer = fixture.As("writer");

        var response = await writer.UploadAsync(Oversized(3 * MediaFixture.MaxUploadBytes));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("The request is 6 MB; a photo may be at most 2 MB.", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.Counts());
    }

    [Fact]
    public async Task A_body_without_a_declared_length_is_cut_off_at_the_limit_while_streaming()
    {
        var before = await fixture.Counts();
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Oversized(3 * MediaFixture.MaxUploadBytes)), "file", "big.jpg" },
            { new StringContent(MediaHttp.SeedCredit), "credit" },
        };
        var body = await form.ReadAsByteArrayAsync();

        // Straight into the server, as a chunked request arrives: a body stream and no Content-Length.
        var context = await fixture.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/media";
            c.Request.Headers.Authorization = "Bearer " + TestTokens.For("writer");
            c.Request.ContentType = form.Headers.ContentType!.ToString();
            c.Request.Body = new MemoryStream(body);
        });

        Assert.Null(context.Request.ContentLength);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, context.Response.StatusCode);
        var problem = await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
        Assert.Equal("The file is larger than the 2 MB limit for a photo.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.Counts());
    }

    [Fact]
    public async Task A_photo_without_a_credit_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var before = await fixture.Counts();
        using var writer = fixture.As("writer");

        var response = await writer.UploadAsync(TestImages.Jpeg(300, 200), credit: "  ");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Contains("credit is required", problem.GetProperty("errors").GetProperty("credit")[0].GetString());
        Assert.Equal(before, await fixture.Counts());
    }

    [Fact]
    public async Task A_body_that_is_not_a_multipart_form_is_415()
    {
        using var writer = fixture.As("writer");
        var content = new ByteArrayContent(TestImages.Jpeg(300, 200));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");

        var response = await writer.PostAsync("/api/media", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("multipart/form-data", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_form_field_is_named()
    {
        using var writer = fixture.As("writer");
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(TestImages.Jpeg(300, 200)), "file", "photo.jpg" },
            { new StringContent(MediaHttp.SeedCredit), "credit" },
            { new StringContent("x"), "photographer" },
        };

        var response = await writer.PostAsync("/api/media", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("unknown field 'photographer'", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    /// <summary>A real JPEG header followed by padding, so only the size can be the reason for refusal.</summary>
    static byte[] Oversized(long length)
    {
        var bytes = new byte[length];
        TestImages.Jpeg(64, 64).CopyTo(bytes, 0);
        return bytes;
    }
}
