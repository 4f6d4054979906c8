using System.Diagnostics;
using System.Net.Http.Headers;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Security;

/// <summary>What a service learns about the caller: identity, real address, scheme, correlation id and trace.</summary>
[Collection(SharedGatewayCollection.Name)]
public sealed class ForwardingTests(SharedGateway shared)
{
    [Fact]
    public async Task The_service_sees_the_callers_token_address_scheme_and_host()
    {
        using var client = shared.Stack.Client("203.0.113.9");
        var token = TestTokens.For("editor", "ed@newsplatform.test");
        using var request = Requests.Build("GET", "/api/authoring/articles", token: token);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        var echo = await Echo.ReadAsync(response);
        Assert.Equal("Bearer " + token, echo.Authorization);
        Assert.Equal("203.0.113.9", echo.ForwardedFor);
        Assert.Equal("https", echo.ForwardedProto);
        Assert.Equal(shared.Stack.Address.Authority, echo.ForwardedHost);
        Assert.Null(echo.OriginalFor);
    }

    [Fact]
    public async Task A_correlation_id_is_made_when_missing_forwarded_and_echoed()
    {
        using var client = shared.Stack.Client();

        using var response = await client.GetAsync("/api/trending?c=" + Requests.Marker());

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, (await Echo.ReadAsync(response)).CorrelationId);
    }

    [Fact]
    public async Task A_callers_correlation_id_is_kept()
    {
        using var client = shared.Stack.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trending?c=" + Requests.Marker());
        request.Headers.Add("X-Correlation-Id", "order-2025-01-14.42");

        using var response = await client.SendAsync(request);

        Assert.Equal("order-2025-01-14.42", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.Equal("order-2025-01-14.42", (await Echo.ReadAsync(response)).CorrelationId);
    }

    [Fact]
    public async Task A_correlation_id_that_could_inject_into_logs_is_replaced()
    {
        using var client = shared.Stack.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trending?c=" + Requests.Marker());
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "abc\" injected=<script>");

        using var response = await client.SendAsync(request);

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, (await Echo.ReadAsync(response)).CorrelationId);
    }

    [Fact]
    public async Task The_trace_continues_through_the_proxy()
    {
        using var client = shared.Stack.Client();
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/feed/articles?t=" + Requests.Marker());
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await client.SendAsync(request);

        var traceparent = (await Echo.ReadAsync(response)).TraceParent;
        Assert.NotNull(traceparent);
        Assert.Equal(traceId, traceparent.Split('-')[1]);
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_unknown_proxy_is_ignored_and_cannot_dodge_a_rate_limit()
    {
        await using var stack = await GatewayStack.StartAsync(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:TrustedNetworks"] = "10.1.2.3",
            ["Gateway:RateLimits:views:PermitLimit"] = "2",
            ["Gateway:RateLimits:views:Window"] = "00:10:00",
        });
        using var client = stack.Client();

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
            {
                Content = new StringContent("""{"articleId":"x"}""", new MediaTypeHeaderValue("application/json")),
            };
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await client.SendAsync(request);
            statuses.Add((int)response.StatusCode);
            if (i == 0) Assert.Equal("127.0.0.1", (await Echo.ReadAsync(response)).ForwardedFor);
        }

        Assert.Equal([200, 200, 429], statuses);
    }
}
