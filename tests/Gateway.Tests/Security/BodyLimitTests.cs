using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Security;

/// <summary>Uploads may be large (20 MB plus multipart overhead); JSON and beacons are small.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class BodyLimitTests(SharedGateway shared)
{
    [Fact]
    public async Task A_photo_of_almost_20_MB_reaches_Media()
    {
        using var client = shared.Stack.Client("198.51.100.30");
        var marker = Requests.Marker();
        using var request = Upload(marker, 19 * 1024 * 1024);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await Echo.ReadAsync(response)).BodyLength > 19 * 1024 * 1024);
    }

    [Fact]
    public async Task An_upload_above_the_limit_is_413_before_Media_sees_it()
    {
        using var client = shared.Stack.Client("198.51.100.31");
        var marker = Requests.Marker();
        using var request = Upload(marker, 23 * 1024 * 1024);
        // As a careful client does for a large body: wait for the server's go-ahead before sending it.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        await AssertTooLarge(response);
        Assert.Equal(0, shared.Stack["media-1"].Count(marker));
    }

    [Fact]
    public async Task A_json_body_above_1_MB_is_413()
    {
        using var client = shared.Stack.Client("198.51.100.32");
        var marker = Requests.Marker();
        using var request = Requests.Build("POST", $"/api/authoring/articles?m={marker}", token: TestTokens.For("writer"));
        request.Content = new StringContent(JsonSerializer.Serialize(new { body = new string('x', 1_100_000) }),
            new MediaTypeHeaderValue("application/json"));
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        await AssertTooLarge(response);
        Assert.Equal(0, shared.Stack["authoring-1"].Count(marker));
    }

    [Fact]
    public async Task A_view_beacon_is_tiny()
    {
        using var client = shared.Stack.Client("198.51.100.33");
        var marker = Requests.Marker();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/trending/views?m={marker}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { articleId = new string('a', 8000) }),
                new MediaTypeHeaderValue("application/json")),
        };

        using var response = await client.SendAsync(request);

        await AssertTooLarge(response);
        Assert.Equal(0, shared.Stack["trending-1"].Count(marker));
    }

    [Fact]
    public async Task A_streamed_body_without_length_is_stopped_at_the_limit_too()
    {
        using var client = shared.Stack.Client("198.51.100.34");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/trending/views?m={Requests.Marker()}")
        {
            Content = new StreamContent(new UnknownLengthStream(64 * 1024)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.SendAsync(request);

        await AssertTooLarge(response);
    }

    static HttpRequestMessage Upload(string marker, int bytes)
    {
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(new byte[bytes]) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "file", "photo.jpg" },
            { new StringContent("Stefan Bruder / Shutterstock.com"), "credit" },
            { new StringContent("Demonstrators outside parliament"), "caption" },
            { new StringContent("People holding signs"), "alt" },
        };
        var request = Requests.Build("POST", $"/api/media?m={marker}", token: TestTokens.For("writer"));
        request.Content = form;
        return request;
    }

    static async Task AssertTooLarge(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A body sent chunked, so only the server's streaming limit can stop it.</summary>
    sealed class UnknownLengthStream(int length) : Stream
    {
        int _left = length;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(count, _left);
            Array.Fill(buffer, (byte)'a', offset, n);
            _left -= n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
