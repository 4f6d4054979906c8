using System.Net;
using System.Net.Http.Json;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>Tokens and drafts are never kept by a browser or a shared cache: Cache-Control: no-store.</summary>
[Collection(AuthoringCollection.Name)]
public sealed class CacheControlTests(AuthoringHost host)
{
    static void AssertNoStore(HttpResponseMessage response, string what)
    {
        Assert.True(response.Headers.CacheControl?.NoStore == true,
            $"{what} answered {(int)response.StatusCode} with Cache-Control '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task A_token_response_is_not_stored()
    {
        var response = await host.Client().PostAsJsonAsync("/api/auth/token", new { email = AuthoringHost.AdminEmail, password = AuthoringHost.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertNoStore(response, "POST /api/auth/token");
    }

    [Fact]
    public async Task Every_editorial_read_is_not_stored()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));
        await Api.PutAsync(editor, id, new { headline = "A second draft headline" }, "\"1\"");

        foreach (var path in new[]
                 {
                     Api.Articles, $"{Api.Articles}/{id}", $"{Api.Articles}/{id}/revisions", $"{Api.Articles}/{id}/revisions/1",
                     $"{Api.Articles}/{id}/diff?from=1&to=2", $"{Api.Articles}/{id}/audit", "/api/auth/me",
                 })
        {
            var response = await editor.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
            AssertNoStore(response, $"GET {path}");
        }
        AssertNoStore(await host.Admin().GetAsync("/api/auth/users"), "GET /api/auth/users");
    }
}
