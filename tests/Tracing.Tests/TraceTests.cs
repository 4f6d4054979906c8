using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsPlatform.Authoring;
using NewsPlatform.Gateway;
using NewsPlatform.ReaderFeed;
using NewsPlatform.TestKit;

namespace NewsPlatform.Tracing.Tests;

/// <summary>
/// An editor's publish request is one trace from the gateway to the reader site's read model:
/// gateway → Authoring → PostgreSQL → relay → RabbitMQ → ReaderFeed's consumer.
/// </summary>
public sealed class TraceTests : IAsyncLifetime
{
    const string AdminEmail = "admin@newsplatform.test";
    const string AdminPassword = "correct horse battery staple";

    readonly SpanCollector _spans = new();
    TestInfrastructure _infrastructure = null!;

    public async Task InitializeAsync() => _infrastructure = await TestInfrastructure.CreateAsync();
    public async Task DisposeAsync() => await _infrastructure.DisposeAsync();

    [Fact]
    public async Task Publishing_through_the_gateway_is_one_trace_down_to_the_reader_feed_consumer()
    {
        // ReaderFeed first: its queues must be bound before Authoring relays anything.
        await using var readerFeed = new TracedService<ReaderFeedEntryPoint>(Settings(), _spans);
        var readerFeedAddress = readerFeed.Start();
        var authoringSettings = Settings();
        authoringSettings["Authoring:BootstrapAdmin:Email"] = AdminEmail;
        authoringSettings["Authoring:BootstrapAdmin:Password"] = AdminPassword;
        await using var authoring = new TracedService<AuthoringEntryPoint>(authoringSettings, _spans);
        var authoringAddress = authoring.Start();
        var gatewaySettings = Settings();
        gatewaySettings["ReverseProxy:Clusters:authoring:Destinations:authoring-1:Address"] = authoringAddress.ToString();
        gatewaySettings["ReverseProxy:Clusters:readerfeed:Destinations:readerfeed-1:Address"] = readerFeedAddress.ToString();
        await using var gateway = new TracedService<GatewayEntryPoint>(gatewaySettings, _spans);
        var gatewayAddress = gateway.Start();

        using var editor = await SignedInAsync(gatewayAddress);
        var headline = $"Ferry timetable restored {Guid.NewGuid():N}"[..40];
        var created = await editor.PostAsJsonAsync("/api/authoring/articles", new
        {
            headline,
            standfirst = "Crossings run every half hour again.",
            body = "The ferry returned to its winter timetable this morning.",
            section = "news",
            authors = new[] { "Karen Blixen" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var publishPath = $"/api/authoring/articles/{id}/publish";
        var publish = new HttpRequestMessage(HttpMethod.Post, publishPath) { Content = JsonContent.Create(new { }) };
        publish.Headers.IfMatch.Add(created.Headers.ETag!);
        var published = await editor.SendAsync(publish);
        Assert.True(published.IsSuccessStatusCode, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");

        // A reader sees it through the gateway: ReaderFeed's read model has the article.
        var article = await Eventually.MatchAsync(() => editor.GetAsync($"/api/feed/articles/{id}"),
            r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the article in ReaderFeed");
        Assert.Equal(headline, (string?)JsonNode.Parse(await article.Content.ReadAsStringAsync())!["headline"]);

        // Each span is exported when it ends, which for the gateway's may be just after the client saw the response.
        var trace = await Eventually.MatchAsync(
            () => Task.FromResult(new PublishTrace(_spans.Snapshot(), publishPath, gatewayAddress, authoringAddress)),
            t => t.Missing.Count == 0, TimeSpan.FromSeconds(30), "every hop of the publish request in one trace");

        var traceId = trace.GatewayServer!.TraceId;
        Assert.All(new[] { trace.GatewayClient, trace.AuthoringServer, trace.AuthoringDatabase, trace.Relay, trace.Publish, trace.Consume, trace.ReadModelWrite },
            span => Assert.Equal(traceId, span!.TraceId));

        // How an operator finds this trace from the article's audit trail: the change's correlation id is the
        // gateway's X-Correlation-Id, which the gateway's span carries as a tag.
        var correlationId = Assert.Single(published.Headers.GetValues("X-Correlation-Id"));
        var audit = JsonNode.Parse(await editor.GetStringAsync($"/api/authoring/articles/{id}/audit"))!.AsArray();
        Assert.Equal(correlationId, (string?)audit.Single(e => (string?)e!["action"] == "published")!["correlationId"]);
        Assert.Equal(correlationId, trace.GatewayServer.GetTagItem("correlation.id"));
    }

    async Task<HttpClient> SignedInAsync(Uri gateway)
    {
        var client = new HttpClient { BaseAddress = gateway };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    Dictionary<string, string?> Settings()
    {
        var settings = _infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }
}
