using System.Net;
using NewsPlatform.Gateway.Tests.Infrastructure;

namespace NewsPlatform.Gateway.Tests.Security;

[Collection(SharedGatewayCollection.Name)]
public sealed class SecurityHeadersTests(SharedGateway shared)
{
    const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
                       "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    [Theory]
    [InlineData("/")]
    [InlineData("/news/klimaet-er-til-debat")]
    [InlineData("/editor")]
    public async Task Html_pages_carry_the_browser_security_headers(string path)
    {
        using var client = shared.Stack.Client();

        using var response = await client.GetAsync(path + "?h=" + Requests.Marker());

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Csp, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    [Theory]
    [InlineData("/editor")]
    [InlineData("/news")]
    public async Task A_service_that_sends_its_own_policy_keeps_it(string path)
    {
        // The editor's policy is stricter than the site default (object-src 'none'); replacing it loosened it.
        const string editorPolicy = "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
        using var client = shared.Stack.Client();

        using var response = await client.GetAsync($"{path}?csp={Uri.EscapeDataString(editorPolicy)}&h={Requests.Marker()}");

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(editorPolicy, Single(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task A_page_served_from_the_cache_carries_them_too()
    {
        using var client = shared.Stack.Client();
        var path = "/culture/" + Requests.Marker();
        (await client.GetAsync(path)).Dispose();

        using var cached = await client.GetAsync(path);

        Assert.NotNull(cached.Headers.Age);
        Assert.Equal(Csp, Single(cached, "Content-Security-Policy"));
        Assert.Equal("DENY", Single(cached, "X-Frame-Options"));
    }

    [Fact]
    public async Task Json_gets_nosniff_but_no_page_policy()
    {
        using var client = shared.Stack.Client();

        using var response = await client.GetAsync("/api/feed/articles?h=" + Requests.Marker());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task No_server_banner_from_the_gateway_or_the_services_behind_it()
    {
        using var direct = new HttpClient { BaseAddress = shared.Stack["readerfeed-1"].Address };
        using var straight = await direct.GetAsync("/news");
        Assert.Contains("Kestrel", straight.Headers.Server.ToString()); // the service does send one

        using var client = shared.Stack.Client();
        using var proxied = await client.GetAsync("/news?h=" + Requests.Marker());
        using var own = await client.GetAsync("/health/live");
        using var refused = await client.GetAsync("/api/authoring/articles");

        Assert.Empty(proxied.Headers.Server);
        Assert.Empty(own.Headers.Server);
        Assert.Empty(refused.Headers.Server);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Media_renditions_keep_their_immutable_caching()
    {
        using var client = shared.Stack.Client();

        using var response = await client.GetAsync($"/media/{Guid.NewGuid()}/640.jpg");

        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
