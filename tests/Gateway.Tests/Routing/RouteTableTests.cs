using System.Net;
using NewsPlatform.Gateway.Tests.Infrastructure;

namespace NewsPlatform.Gateway.Tests.Routing;

/// <summary>Every path of the public contract (API.md) reaches its service, with path and query unchanged.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class RouteTableTests(SharedGateway shared)
{
    const string Id = "3f2b8c1e-0d1a-4c55-9e0e-6a1f0f1d2c3b";

    public static TheoryData<string, string, string, string?> Contract => new()
    {
        // Accounts and tokens
        { "POST", "/api/auth/token", "authoring", null },
        { "GET", "/api/auth/me", "authoring", "writer" },
        { "POST", "/api/auth/users", "authoring", "admin" },
        // Articles
        { "POST", "/api/authoring/articles", "authoring", "writer" },
        { "GET", "/api/authoring/articles?status=draft&section=news&cursor=abc", "authoring", "writer" },
        { "GET", $"/api/authoring/articles/{Id}", "authoring", "writer" },
        { "PUT", $"/api/authoring/articles/{Id}", "authoring", "writer" },
        { "POST", $"/api/authoring/articles/{Id}/submit", "authoring", "writer" },
        { "POST", $"/api/authoring/articles/{Id}/approve", "authoring", "editor" },
        { "POST", $"/api/authoring/articles/{Id}/publish", "authoring", "editor" },
        { "POST", $"/api/authoring/articles/{Id}/unpublish", "authoring", "editor" },
        { "POST", $"/api/authoring/articles/{Id}/schedule", "authoring", "editor" },
        { "POST", $"/api/authoring/articles/{Id}/corrections", "authoring", "editor" },
        { "GET", $"/api/authoring/articles/{Id}/revisions", "authoring", "writer" },
        { "GET", $"/api/authoring/articles/{Id}/revisions/3", "authoring", "writer" },
        { "GET", $"/api/authoring/articles/{Id}/diff?from=1&to=3", "authoring", "writer" },
        { "GET", $"/api/authoring/articles/{Id}/audit", "authoring", "writer" },
        { "POST", "/api/authoring/import", "authoring", "editor" },
        { "GET", "/editor", "authoring", null },
        { "GET", "/editor/articles/42", "authoring", null },
        // Media
        { "POST", "/api/media", "media", "writer" },
        { "GET", $"/api/media/{Id}", "media", null },
        { "PUT", $"/api/media/{Id}", "media", "writer" },
        { "GET", $"/media/{Id}/640.jpg", "media", null },
        { "GET", $"/media/{Id}/1024.webp", "media", null },
        // Reader site and feeds
        { "GET", "/", "readerfeed", null },
        { "GET", "/news", "readerfeed", null },
        { "GET", "/news/klimaet-er-til-debat", "readerfeed", null },
        { "GET", "/authors/camilla-jessen", "readerfeed", null },
        { "GET", "/search?q=klima%20debat", "readerfeed", null },
        { "GET", "/rss.xml", "readerfeed", null },
        { "GET", "/news/rss.xml", "readerfeed", null },
        { "GET", "/sitemap.xml", "readerfeed", null },
        { "GET", "/sitemap-news.xml", "readerfeed", null },
        { "GET", "/assets/site.css", "readerfeed", null },
        { "GET", "/api/feed/articles?section=news&author=camilla-jessen&cursor=x&limit=5", "readerfeed", null },
        { "GET", $"/api/feed/articles/{Id}", "readerfeed", null },
        { "GET", "/api/feed/search?q=klima", "readerfeed", null },
        { "POST", "/api/feed/rebuild", "readerfeed", "admin" },
        // Trending
        { "POST", "/api/trending/views", "trending", null },
        { "GET", "/api/trending?section=news&limit=5", "trending", null },
        { "GET", "/api/trending/replay?at=2025-01-14T12:36:00Z&halfLife=00:30:00&section=news&limit=5", "trending", null },
        // Each service's OpenAPI document
        { "GET", "/openapi/authoring.json", "authoring", null },
        { "GET", "/openapi/media.json", "media", null },
        { "GET", "/openapi/trending.json", "trending", null },
        { "GET", "/openapi/readerfeed.json", "readerfeed", null },
    };

    [Theory]
    [MemberData(nameof(Contract))]
    public async Task Each_public_route_reaches_its_service_with_the_path_unchanged(string method, string path, string service, string? role)
    {
        using var client = shared.Stack.Client("198.51.100.10");

        using var response = await client.SendAsync(Requests.Build(method, path, role));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await Echo.ReadAsync(response);
        Assert.Equal(service, echo.Service);
        Assert.Equal(method, echo.Method);
        Assert.Equal(path, echo.PathAndQuery);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task The_gateway_answers_its_own_health_endpoints(string path)
    {
        using var client = shared.Stack.Client();
        var before = shared.Stack["readerfeed-1"].Seen.Count(e => e.Path.StartsWith("/health", StringComparison.Ordinal));

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"status\":\"Healthy\"", body);
        Assert.DoesNotContain("\"service\"", body);
        Assert.Equal(before, shared.Stack["readerfeed-1"].Seen.Count(e => e.Path.StartsWith("/health", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_write_to_a_reader_page_is_refused_at_the_edge()
    {
        using var client = shared.Stack.Client();
        var marker = Requests.Marker();

        using var response = await client.SendAsync(Requests.Build("POST", $"/news/{marker}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(0, shared.Stack["readerfeed-1"].Count(marker));
    }
}
