using System.Net;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Security;

/// <summary>
/// Every editorial and write route refuses at the edge — before its service sees the request — a
/// caller without a token (401), with a broken or forged token (401) and with too small a role (403),
/// and lets the right role through with its token forwarded.
/// </summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class AuthorizationMatrixTests(SharedGateway shared)
{
    const string Id = "0b7c6a52-9a51-4f7e-8f1e-2d6c1c9d4e11";

    /// <summary>Method, path, service, the least role that passes the gateway, a role that must not.</summary>
    public static readonly (string Method, string Path, string Service, string Role, string WrongRole)[] Editorial =
    [
        ("GET", "/api/auth/users", "authoring", "admin", "editor"),
        ("POST", "/api/auth/users", "authoring", "admin", "editor"),
        ("POST", "/api/authoring/articles", "authoring", "writer", "subscriber"),
        ("GET", "/api/authoring/articles", "authoring", "writer", "subscriber"),
        ("GET", $"/api/authoring/articles/{Id}", "authoring", "writer", "subscriber"),
        ("PUT", $"/api/authoring/articles/{Id}", "authoring", "writer", "subscriber"),
        ("POST", $"/api/authoring/articles/{Id}/submit", "authoring", "writer", "subscriber"),
        ("POST", $"/api/authoring/articles/{Id}/publish", "authoring", "writer", "subscriber"),
        ("POST", $"/api/authoring/articles/{Id}/unpublish", "authoring", "writer", "subscriber"),
        ("POST", $"/api/authoring/articles/{Id}/schedule", "authoring", "writer", "subscriber"),
        ("POST", $"/api/authoring/articles/{Id}/corrections", "authoring", "writer", "subscriber"),
        ("GET", $"/api/authoring/articles/{Id}/revisions/2", "authoring", "writer", "subscriber"),
        ("GET", $"/api/authoring/articles/{Id}/diff", "authoring", "writer", "subscriber"),
        ("GET", $"/api/authoring/articles/{Id}/audit", "authoring", "writer", "subscriber"),
        ("POST", "/api/authoring/import", "authoring", "editor", "writer"),
        ("POST", "/api/media", "media", "writer", "subscriber"),
        ("PUT", $"/api/media/{Id}", "media", "writer", "subscriber"),
        ("DELETE", $"/api/media/{Id}", "media", "writer", "subscriber"),
        ("POST", "/api/feed/rebuild", "readerfeed", "admin", "editor"),
    ];

    public static TheoryData<string, string, string, string, string> Routes()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var r in Editorial) data.Add(r.Method, r.Path, r.Service, r.Role, r.WrongRole);
        return data;
    }

    public static TheoryData<string, string, string, string> BrokenTokens()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var r in Editorial)
            foreach (var kind in new[] { "expired", "wrong audience", "alg none", "wrong key", "garbage" })
                data.Add(r.Method, r.Path, r.Service, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Without_a_token_the_answer_is_401_and_the_service_never_sees_it(string method, string path, string service, string role, string wrongRole)
    {
        _ = (role, wrongRole);
        var (response, seen) = await SendAsync(method, path, service, token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, seen);
    }

    [Theory]
    [MemberData(nameof(BrokenTokens))]
    public async Task A_broken_or_forged_token_is_401(string method, string path, string service, string kind)
    {
        var role = Editorial.First(r => r.Method == method && r.Path == path).Role;
        var token = kind switch
        {
            "expired" => TestTokens.Expired(role),
            "wrong audience" => TestTokens.WrongAudience(role),
            "alg none" => TestTokens.Unsigned(role),
            "wrong key" => TestTokens.WrongKey(role),
            _ => "not-a-jwt",
        };

        var (response, seen) = await SendAsync(method, path, service, token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not valid", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, seen);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Too_small_a_role_is_403(string method, string path, string service, string role, string wrongRole)
    {
        _ = role;
        var (response, seen) = await SendAsync(method, path, service, TestTokens.For(wrongRole));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, seen);
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_right_role_reaches_the_service_with_its_token(string method, string path, string service, string role, string wrongRole)
    {
        _ = wrongRole;
        var token = TestTokens.For(role, $"{role}@newsplatform.test");
        var (response, seen) = await SendAsync(method, path, service, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, seen);
        var echo = await Echo.ReadAsync(response);
        Assert.Equal("Bearer " + token, echo.Authorization);
        Assert.Equal($"{role}@newsplatform.test", echo.Identity);
    }

    [Fact]
    public async Task Any_signed_in_user_may_ask_who_they_are_but_not_an_anonymous_one()
    {
        var (anonymous, seenAnonymous) = await SendAsync("GET", "/api/auth/me", "authoring", token: null);
        var (signedIn, seenSignedIn) = await SendAsync("GET", "/api/auth/me", "authoring", TestTokens.For("writer"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(0, seenAnonymous);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(1, seenSignedIn);
    }

    [Theory]
    [InlineData("GET", "/editor", "authoring")]
    [InlineData("POST", "/api/auth/token", "authoring")]
    [InlineData("GET", "/api/media/" + Id, "media")]
    [InlineData("GET", "/news/some-article", "readerfeed")]
    [InlineData("GET", "/api/feed/articles", "readerfeed")]
    [InlineData("GET", "/api/trending", "trending")]
    public async Task Reader_routes_the_editor_page_and_sign_in_need_no_token(string method, string path, string service)
    {
        var (response, seen) = await SendAsync(method, path, service, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, seen);
    }

    async Task<(HttpResponseMessage Response, int Seen)> SendAsync(string method, string path, string service, string? token)
    {
        var marker = Requests.Marker();
        var separator = path.Contains('?') ? '&' : '?';
        using var client = shared.Stack.Client("198.51.100.20");
        var response = await client.SendAsync(Requests.Build(method, $"{path}{separator}case={marker}", token: token));
        await response.Content.LoadIntoBufferAsync();
        return (response, shared.Stack[$"{service}-1"].Count(marker));
    }
}
