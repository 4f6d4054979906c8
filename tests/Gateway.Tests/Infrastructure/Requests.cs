using System.Net.Http.Headers;
using System.Text;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Infrastructure;

public static class Requests
{
    /// <summary>A request with a small JSON body for write verbs and, when <paramref name="role"/> is given, a valid token.</summary>
    public static HttpRequestMessage Build(string method, string path, string? role = null, string? token = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("""{"probe":true}""", Encoding.UTF8, "application/json");
        token ??= role is null ? null : TestTokens.For(role, $"{role}@newsplatform.test");
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>A unique marker to find this test's requests among everything a stand-in saw.</summary>
    public static string Marker() => "m" + Guid.NewGuid().ToString("N")[..12];
}
