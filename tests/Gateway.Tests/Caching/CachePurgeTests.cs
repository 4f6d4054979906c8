using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using MassTransit;
using NewsPlatform.Contracts.ReaderFeed;
using NewsPlatform.Gateway.Tests.Infrastructure;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Caching;

/// <summary>
/// A change ReaderFeed announces on the broker shows through every gateway at once, although the gateways keep
/// reader pages for ten minutes here — so expiry cannot be what makes the new page appear. Without a broker the
/// gateway still serves and stays ready.
/// </summary>
public sealed class CachePurgeTests
{
    const string Path = "/culture/harbour-bath-opens";

    static Dictionary<string, string?> Settings(string rabbitMq, ChangingPage page) => new()
    {
        ["ConnectionStrings:RabbitMq"] = rabbitMq,
        ["Gateway:OutputCache:Duration"] = "00:10:00",
        ["ReverseProxy:Clusters:readerfeed:Destinations:readerfeed-1:Address"] = page.Address.ToString(),
    };

    [Fact]
    public async Task Every_gateway_instance_serves_the_changed_page_once_readerfeed_announces_the_change()
    {
        long purges = 0;
        using var listener = PurgeListener(() => Interlocked.Increment(ref purges));
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var page = await ChangingPage.StartAsync("Harbour bath opens");
        await using var first = await GatewayStack.StartAsync(Settings(vhost.ConnectionString, page));
        await using var second = await GatewayStack.StartAsync(Settings(vhost.ConnectionString, page));
        using var one = first.Client();
        using var two = second.Client();
        await WaitUntilListeningAsync(one);
        await WaitUntilListeningAsync(two);

        // Both gateways cache the page; a change in the backend alone does not show through them.
        Assert.Contains("Harbour bath opens", await one.GetStringAsync(Path));
        Assert.Contains("Harbour bath opens", await two.GetStringAsync(Path));
        page.Headline = "Harbour bath opens after storm repairs";
        Assert.Contains("<h1>Harbour bath opens</h1>", await one.GetStringAsync(Path));
        Assert.Contains("<h1>Harbour bath opens</h1>", await two.GetStringAsync(Path));
        Assert.Equal(2, page.Served);

        var notice = new ReaderPagesChangedV1(Guid.NewGuid(), DateTimeOffset.UtcNow, "ArticleRevisedV1", Guid.NewGuid());
        await TestBus.PublishAsync(vhost.ConnectionString, notice, notice.EventId);

        foreach (var client in new[] { one, two })
            await Eventually.MatchAsync(() => client.GetStringAsync(Path), html => html.Contains("after storm repairs"),
                TimeSpan.FromSeconds(10), "the gateway to serve the revised page");
        Assert.True(Interlocked.Read(ref purges) >= 2, $"purges counted: {purges}");
    }

    [Fact]
    public async Task Without_a_broker_the_gateway_serves_from_its_cache_and_stays_ready()
    {
        await using var page = await ChangingPage.StartAsync("Harbour bath opens");
        var nobody = $"amqp://guest:guest@127.0.0.1:{ServiceProcess.FreePort()}/newsplatform";
        await using var gateway = await GatewayStack.StartAsync(Settings(nobody, page));
        using var client = gateway.Client();

        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("Harbour bath opens", await client.GetStringAsync(Path));
        Assert.Contains("Harbour bath opens", await client.GetStringAsync(Path));
        Assert.Equal(1, page.Served);
    }

    /// <summary>The gateway's bus reports healthy once its purge queue is bound; a notice sent before would reach nobody.</summary>
    static Task WaitUntilListeningAsync(HttpClient gateway) =>
        Eventually.MatchAsync(async () =>
        {
            using var response = await gateway.GetAsync("/health/ready");
            using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return report.RootElement.GetProperty("checks").EnumerateArray()
                .Any(c => c.GetProperty("name").GetString()!.StartsWith("masstransit", StringComparison.Ordinal)
                          && c.GetProperty("status").GetString() == "Healthy");
        }, listening => listening, TimeSpan.FromSeconds(30), "the gateway's bus to be connected");

    static MeterListener PurgeListener(Action counted)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "newsplatform.gateway.cache.purges") l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag is { Key: "cause", Value: "ArticleRevisedV1" }) counted();
        });
        listener.Start();
        return listener;
    }
}
