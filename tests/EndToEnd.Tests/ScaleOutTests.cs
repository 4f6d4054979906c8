using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NewsPlatform.TestKit;

namespace NewsPlatform.EndToEnd.Tests;

/// <summary>Two instances each of ReaderFeed and Trending behind one gateway, as <c>up.sh --scale</c> runs them.</summary>
public sealed class ScaledStack : Stack
{
    public ScaledStack()
    {
        Scale["readerfeed"] = 2;
        Scale["trending"] = 2;
        GatewaySettings["Gateway:RateLimits:views:PermitLimit"] = "100000";
    }
}

public sealed class ScaleOutTests(ScaledStack stack) : IClassFixture<ScaledStack>
{
    const int Views = 400;

    [Fact]
    public async Task Both_instances_serve_views_are_counted_once_and_a_stopped_instance_costs_no_request()
    {
        var seed = await Eventually.MatchAsync(
            async () => JsonNode.Parse(await stack.Client.GetStringAsync("/api/feed/articles?limit=1"))!["items"]!.AsArray(),
            items => items.Count > 0, TimeSpan.FromSeconds(90), "the seed article in the feed");
        var articleId = (string)seed[0]!["id"]!;

        // Every ReaderFeed instance answers from the shared read model.
        foreach (var instance in stack.Instances("readerfeed"))
            Assert.Contains(articleId, await instance.Client.GetStringAsync("/api/feed/articles?limit=1"));

        // Beacons from distinct readers through the gateway, spread over both Trending instances. The client keeps
        // no cookie jar, or the first reader id Trending hands out would replace each beacon's own.
        using var readers = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = stack.Gateway.BaseAddress };
        await Parallel.ForEachAsync(Enumerable.Range(0, Views), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            var beacon = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
            {
                Content = new StringContent($$"""{"articleId":"{{articleId}}"}""", new MediaTypeHeaderValue("application/json")),
            };
            beacon.Headers.Add("Cookie", $"np_reader={Guid.NewGuid():N}");
            beacon.Headers.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) NewsPlatformReader/1.0");
            var response = await readers.SendAsync(beacon, ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        });

        var scored = await Eventually.MatchAsync(
            () => stack.Infrastructure.Database.CountAsync(
                $"select coalesce(sum(views), 0) from trending.minute_views where article_id = '{articleId}'"),
            n => n >= Views, TimeSpan.FromSeconds(60), $"{Views} scored views");
        Assert.Equal(Views, scored);
        var accepted = new List<long>();
        foreach (var instance in stack.Instances("trending"))
        {
            var stats = new HttpRequestMessage(HttpMethod.Get, "/api/trending/stats");
            stats.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin"));
            accepted.Add((long)JsonNode.Parse(await (await instance.Client.SendAsync(stats)).Content.ReadAsStringAsync())!["accepted"]!);
        }
        Assert.All(accepted, a => Assert.True(a > 0, $"each Trending instance takes part: {string.Join(", ", accepted)}"));
        Assert.Equal(Views, accepted.Sum());

        // Stop one ReaderFeed instance; once the gateway's health check notices, no reader request fails.
        await stack.Instances("readerfeed")[0].KillAsync();
        await Eventually.MatchAsync(async () => await stack.Client.GetStringAsync("/health/ready"),
            body => body.Contains("readerfeed") && body.Contains("Degraded"), TimeSpan.FromSeconds(30),
            "the gateway to notice the stopped instance");
        for (var i = 0; i < 100; i++)
        {
            var response = await stack.Client.GetAsync($"/api/feed/articles?limit=1&n={i}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
