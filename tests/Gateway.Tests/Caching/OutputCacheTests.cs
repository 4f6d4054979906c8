using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Caching;

/// <summary>
/// Anonymous reader pages and feeds come from the gateway's cache after the first request; nothing a
/// signed-in user (or a request with a cookie) receives is ever stored or served to someone else.
/// </summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class OutputCacheTests(SharedGateway shared)
{
    StandInService ReaderFeed => shared.Stack["readerfeed-1"];

    [Theory]
    [InlineData("/culture/{0}")]
    [InlineData("/api/feed/articles?section={0}")]
    [InlineData("/{0}/rss.xml")]
    public async Task An_anonymous_reader_page_is_served_from_the_cache(string template)
    {
        var marker = Requests.Marker();
        var path = string.Format(template, marker);
        using var client = shared.Stack.Client();

        using var first = await client.GetAsync(path);
        using var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(1, ReaderFeed.Count(marker));
    }

    [Fact]
    public async Task Trending_now_is_cached_per_query()
    {
        var marker = Requests.Marker();
        using var client = shared.Stack.Client();

        foreach (var query in new[] { "section=news", "section=news", "section=sports", "section=news&limit=3" })
            (await client.GetAsync($"/api/trending?{query}&m={marker}")).Dispose();

        Assert.Equal(3, shared.Stack["trending-1"].Count(marker));
    }

    [Fact]
    public async Task The_cache_varies_by_query_and_accept_encoding()
    {
        var marker = Requests.Marker();
        using var client = shared.Stack.Client();

        (await client.GetAsync($"/search?q={marker}")).Dispose();
        (await client.GetAsync($"/search?q={marker}&page=2")).Dispose();
        using var gzip = new HttpRequestMessage(HttpMethod.Get, $"/search?q={marker}");
        gzip.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        (await client.SendAsync(gzip)).Dispose();
        (await client.GetAsync($"/search?q={marker}&page=2")).Dispose();

        Assert.Equal(3, ReaderFeed.Count(marker));
    }

    [Fact]
    public async Task One_users_authenticated_response_is_never_served_to_another()
    {
        var path = $"/api/feed/articles?section={Requests.Marker()}";
        using var client = shared.Stack.Client();

        var alice = await GetAsync(client, path, TestTokens.For("writer", "alice@newsplatform.test"));
        var bob = await GetAsync(client, path, TestTokens.For("editor", "bob@newsplatform.test"));
        var anonymous = await GetAsync(client, path, token: null);
        var anonymousAgain = await GetAsync(client, path, token: null);
        var aliceAgain = await GetAsync(client, path, TestTokens.For("writer", "alice@newsplatform.test"));

        Assert.Equal("alice@newsplatform.test", alice.Identity);
        Assert.Equal("bob@newsplatform.test", bob.Identity);
        Assert.Null(anonymous.Identity);
        Assert.Null(anonymousAgain.Identity);
        Assert.Equal("alice@newsplatform.test", aliceAgain.Identity);
        // Every signed-in request went to the service; only the repeated anonymous one came from the cache.
        Assert.Equal(4, ReaderFeed.Count(path.Split('=')[1]));
    }

    [Fact]
    public async Task A_request_with_a_cookie_bypasses_the_cache()
    {
        var marker = Requests.Marker();
        using var client = shared.Stack.Client();
        (await client.GetAsync($"/news/{marker}")).Dispose();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/news/{marker}");
        request.Headers.Add("Cookie", "session=reader-7");
        (await client.SendAsync(request)).Dispose();

        Assert.Equal(2, ReaderFeed.Count(marker));
    }

    [Theory]
    [InlineData("setcookie=1")]
    [InlineData("status=404")]
    [InlineData("status=410")]
    [InlineData("status=500")]
    [InlineData("cachecontrol=private")]
    [InlineData("cachecontrol=no-store")]
    public async Task A_response_that_sets_a_cookie_is_not_200_or_is_private_is_not_stored(string query)
    {
        var marker = Requests.Marker();
        using var client = shared.Stack.Client();

        (await client.GetAsync($"/news/{marker}?{query}")).Dispose();
        using var second = await client.GetAsync($"/news/{marker}?{query}");

        Assert.Null(second.Headers.Age);
        Assert.Equal(2, ReaderFeed.Count(marker));
    }

    [Theory]
    [InlineData("/editor")]
    [InlineData("/api/media/{0}")]
    public async Task Editorial_pages_and_media_metadata_are_never_cached(string template)
    {
        var marker = Requests.Marker();
        var path = string.Format(template, marker);
        using var client = shared.Stack.Client();

        (await client.GetAsync($"{path}?m={marker}")).Dispose();
        (await client.GetAsync($"{path}?m={marker}")).Dispose();

        var service = template.StartsWith("/editor", StringComparison.Ordinal) ? "authoring-1" : "media-1";
        Assert.Equal(2, shared.Stack[service].Count(marker));
    }

    [Fact]
    public async Task A_cache_hit_is_counted_in_the_metrics()
    {
        long hits = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "newsplatform.gateway.output_cache.hits") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "route", Value: "reader-site" }) Interlocked.Add(ref hits, value);
        });
        listener.Start();
        var path = $"/world/{Requests.Marker()}";
        using var client = shared.Stack.Client();

        (await client.GetAsync(path)).Dispose();
        var afterMiss = Interlocked.Read(ref hits);
        (await client.GetAsync(path)).Dispose();

        Assert.True(Interlocked.Read(ref hits) > afterMiss);
    }

    static async Task<Echo> GetAsync(HttpClient client, string path, string? token)
    {
        using var response = await client.SendAsync(Requests.Build("GET", path, token: token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Echo.ReadAsync(response);
    }
}
