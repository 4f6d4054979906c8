using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.RateLimiting;

/// <summary>
/// The view beacon, the token endpoint and uploads are limited per client address: up to the limit
/// everything passes, the next request is 429 with Retry-After, and another client is unaffected.
/// </summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class RateLimitTests(SharedGateway shared)
{
    public static TheoryData<string, int, string> Limited => new()
    {
        { "/api/trending/views", SharedGateway.ViewsLimit, "trending" },
        { "/api/auth/token", SharedGateway.TokenLimit, "authoring" },
        { "/api/media", SharedGateway.UploadsLimit, "media" },
    };

    [Theory]
    [MemberData(nameof(Limited))]
    public async Task Up_to_the_limit_passes_above_it_is_429_and_other_clients_go_on(string path, int limit, string service)
    {
        var marker = Requests.Marker();
        var noisy = ClientAddress();
        using var client = shared.Stack.Client(noisy);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < limit; i++)
        {
            using var ok = await client.SendAsync(Post(path, marker));
            statuses.Add(ok.StatusCode);
        }
        using var refused = await client.SendAsync(Post(path, marker));
        using var other = await shared.Stack.Client(ClientAddress()).SendAsync(Post(path, marker));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too many requests", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(limit + 1, shared.Stack[$"{service}-1"].Count(marker));
    }

    [Fact]
    public async Task Reading_is_not_limited()
    {
        using var client = shared.Stack.Client(ClientAddress());

        for (var i = 0; i < SharedGateway.ViewsLimit * 3; i++)
        {
            using var response = await client.GetAsync($"/api/trending?limit={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    static HttpRequestMessage Post(string path, string marker)
    {
        var request = Requests.Build("POST", $"{path}?m={marker}", token: path == "/api/media" ? TestTokens.For("writer") : null);
        request.Content = new StringContent("""{"articleId":"3f2b8c1e"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return request;
    }

    static string ClientAddress() => $"198.18.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}";
}
