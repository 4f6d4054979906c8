using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NewsPlatform.Media.Read;

namespace NewsPlatform.Media.Tests.Support;

public static class MediaHttp
{
    public const string SeedCredit = "Photo: Stefan Bruder / Shutterstock.com";

    /// <summary>Posts the multipart form an editor's browser would send.</summary>
    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] bytes, string fileName = "photo.jpg",
        string declaredType = "image/jpeg", string? credit = SeedCredit, string? caption = "Soldiers in the Kursk region",
        string? alt = "Soldiers walking along a snowy road")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declaredType);
        form.Add(file, "file", fileName);
        if (credit is not null) form.Add(new StringContent(credit), "credit");
        if (caption is not null) form.Add(new StringContent(caption), "caption");
        if (alt is not null) form.Add(new StringContent(alt), "alt");
        return client.PostAsync("/api/media", form);
    }

    public static async Task<MediaAssetResponse> UploadOkAsync(this HttpClient client, byte[] bytes, string fileName = "photo.jpg", string declaredType = "image/jpeg")
    {
        var response = await client.UploadAsync(bytes, fileName, declaredType);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MediaAssetResponse>())!;
    }

    /// <summary>The RFC 7807 body of a refused request.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
