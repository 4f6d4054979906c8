using System.Net;
using System.Text.Json;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Caching;

/// <summary>
/// Readers keep getting pages while ReaderFeed is down: a real ReaderFeed process behind a real gateway process,
/// killed with SIGKILL. Pages the gateway has seen come from its stale copies; a page it has never seen is 503 with
/// Retry-After, never 500; once ReaderFeed is back, pages are fetched fresh again.
/// </summary>
public sealed class StaleIfErrorTests
{
    [Fact]
    public async Task While_ReaderFeed_is_killed_cached_pages_are_served_stale_and_the_rest_is_503_with_Retry_After()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var settings = infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Newsroom:SiteUrl"] = "http://localhost:8080";
        var port = ServiceProcess.FreePort();
        var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", settings, port);
        try
        {
            await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", new Dictionary<string, string?>
            {
                ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
                ["ReverseProxy:Clusters:readerfeed:Destinations:readerfeed-1:Address"] = readerFeed.BaseAddress.ToString(),
                ["Gateway:Readiness:ServiceDownStatus"] = "Degraded",
                // Fresh for one second: every copy used below is stale, kept only for stale-if-error (10 minutes).
                ["Gateway:OutputCache:Duration"] = "00:00:01",
                ["Gateway:OutputCache:StaleIfError"] = "00:10:00",
            });
            using var reader = new HttpClient { BaseAddress = gateway.BaseAddress };
            var pages = new[] { "/", "/rss.xml", "/api/feed/articles" };
            var before = new Dictionary<string, string>();
            foreach (var page in pages)
            {
                using var response = await reader.GetAsync(page);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                before[page] = await response.Content.ReadAsStringAsync();
            }

            await readerFeed.KillAsync();
            await Task.Delay(TimeSpan.FromSeconds(1.5));

            // Long enough to cover both ways the gateway learns of the outage: refused connections at first, then the
            // health check taking the instance out (no healthy destination).
            var served = new List<(string Page, HttpStatusCode Status, string Body, TimeSpan? Age)>();
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(8);
            while (DateTime.UtcNow < until)
            {
                foreach (var page in pages)
                {
                    using var response = await reader.GetAsync(page);
                    served.Add((page, response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Age));
                }
                await Task.Delay(200);
            }
            using var unseen = await reader.GetAsync("/search?q=never-asked-before");

            Assert.All(served, s =>
            {
                Assert.Equal(HttpStatusCode.OK, s.Status);
                Assert.Equal(before[s.Page], s.Body);
                Assert.True(s.Age >= TimeSpan.FromSeconds(1), $"{s.Page} was served with Age {s.Age}, not as a stale copy");
            });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, unseen.StatusCode);
            Assert.True(unseen.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 says when to retry");
            using var problem = JsonDocument.Parse(await unseen.Content.ReadAsStringAsync());
            Assert.Equal("readerfeed", problem.RootElement.GetProperty("service").GetString());

            // Back on the same address: the next requests get fresh pages from ReaderFeed again.
            await readerFeed.DisposeAsync();
            readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", settings, port);
            await Eventually.MatchAsync(async () =>
            {
                using var response = await reader.GetAsync("/search?q=never-asked-before");
                return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            }, s => s.StartsWith("200 "), TimeSpan.FromSeconds(20), "the gateway to use ReaderFeed again");
            using var fresh = await reader.GetAsync("/");
            Assert.True(fresh.Headers.Age is null || fresh.Headers.Age < TimeSpan.FromSeconds(2), $"the home page is fresh again (Age {fresh.Headers.Age})");
        }
        finally
        {
            await readerFeed.DisposeAsync();
        }
    }
}
