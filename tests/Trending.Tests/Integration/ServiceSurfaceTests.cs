using System.Net;
using System.Text.Json;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(TrendingCollection.Name)]
public class ServiceSurfaceTests(TrendingFixture fixture)
{
    [Fact]
    public async Task The_openapi_document_describes_the_trending_routes_and_the_beacon_body()
    {
        var response = await fixture.Host.Client.GetAsync("/openapi/trending.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/trending/views", "/api/trending", "/api/trending/replay", "/api/trending/stats" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the document");
        var body = paths.GetProperty("/api/trending/views").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(body.TryGetProperty("application/json", out _));
        Assert.True(body.TryGetProperty("text/plain", out _));
    }

    [Fact]
    public async Task The_node_reports_ready_with_its_database_and_broker()
    {
        var response = await fixture.Host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("postgres", body);
        Assert.Contains("masstransit", body, StringComparison.OrdinalIgnoreCase);
    }
}
