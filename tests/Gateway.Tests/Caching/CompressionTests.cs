using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Caching;

/// <summary>
/// Brotli and gzip at the gateway (its own process, in front of stand-in services): a page is compressed once,
/// stored compressed and decompresses to exactly what an identity client receives; images pass untouched.
/// </summary>
public sealed class CompressionTests : IAsyncLifetime
{
    readonly List<StandInService> _services = [];
    ServiceProcess _gateway = null!;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
            ["Gateway:OutputCache:Duration"] = "00:10:00",
        };
        foreach (var name in new[] { "readerfeed", "media" })
        {
            var service = await StandInService.StartAsync(name);
            _services.Add(service);
            settings[$"ReverseProxy:Clusters:{name}:Destinations:{name}-1:Address"] = service.Address.ToString();
        }
        settings["Gateway:Readiness:ServiceDownStatus"] = "Degraded";
        _gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", settings);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        foreach (var service in _services) await service.DisposeAsync();
    }

    StandInService ReaderFeed => _services[0];

    [Theory]
    [InlineData("br", "/culture/{0}?static")]
    [InlineData("gzip", "/culture/{0}?static")]
    [InlineData("br", "/{0}/rss.xml?static")]
    [InlineData("gzip", "/api/feed/articles?section={0}&static")]
    public async Task A_cached_page_served_compressed_decompresses_to_the_identity_bytes(string encoding, string template)
    {
        var marker = Requests.Marker();
        var path = string.Format(template, marker);
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _gateway.BaseAddress };

        using var identity = await client.GetAsync(path);
        var first = await GetAsync(client, path, $"{encoding}, identity;q=0.5");
        var second = await GetAsync(client, path, encoding == "br" ? "gzip;q=0.5, br" : "gzip"); // another spelling, same choice

        var plain = await identity.Content.ReadAsByteArrayAsync();
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal(encoding, Assert.Single(first.Response.Content.Headers.ContentEncoding));
        Assert.Equal(encoding, Assert.Single(second.Response.Content.Headers.ContentEncoding));
        Assert.NotNull(second.Response.Headers.Age); // from the cache
        Assert.Equal(first.Body, second.Body); // compressed once, stored compressed
        Assert.Equal(plain, Decompress(encoding, second.Body));
        Assert.Equal(StandInService.StaticPage, plain);
        Assert.True(second.Body.Length < plain.Length / 4, $"compressed to {second.Body.Length} of {plain.Length} bytes");
        Assert.Contains("Accept-Encoding", second.Response.Headers.Vary);
        Assert.Equal(2, ReaderFeed.Count(marker)); // one copy per encoding chosen: identity and this one
    }

    [Fact]
    public async Task A_client_that_asks_for_no_encoding_gets_identity_even_after_a_compressed_copy_was_cached()
    {
        var path = $"/culture/{Requests.Marker()}?static";
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _gateway.BaseAddress };

        var brotli = await GetAsync(client, path, "br");
        var identity = await GetAsync(client, path, "identity");
        var none = await GetAsync(client, path, null);

        Assert.Equal("br", Assert.Single(brotli.Response.Content.Headers.ContentEncoding));
        Assert.Empty(identity.Response.Content.Headers.ContentEncoding);
        Assert.Empty(none.Response.Content.Headers.ContentEncoding);
        Assert.Equal(identity.Body, none.Body);
        Assert.Equal(identity.Body, Decompress("br", brotli.Body));
    }

    [Fact]
    public async Task Images_are_not_recompressed()
    {
        var path = $"/media/{Guid.NewGuid()}/w640.jpg";
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = _gateway.BaseAddress };

        var asked = await GetAsync(client, path, "br, gzip");
        var plain = await GetAsync(client, path, null);

        Assert.Equal("image/jpeg", asked.Response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(asked.Response.Content.Headers.ContentEncoding);
        Assert.Equal((await Echo.ReadAsync(plain.Response)).Path, (await Echo.ReadAsync(asked.Response)).Path);
    }

    static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(HttpClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.LoadIntoBufferAsync();
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    static byte[] Decompress(string encoding, byte[] body)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
