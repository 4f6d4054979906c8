using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(TrendingCollection.Name)]
public class IngestTests(TrendingFixture fixture)
{
    TrendingHost Host => fixture.Host;

    [Fact]
    public async Task Bots_get_202_but_are_not_counted()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-15T09:00:00Z");
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("news"), "Storm warning");
        var before = await Host.StatsAsync();
        string?[] bots =
        [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
            "curl/8.5.0",
            "python-requests/2.31.0",
            null,
        ];

        foreach (var bot in bots)
            Assert.Equal(HttpStatusCode.Accepted, (await Host.ViewAsync(article.ArticleId, userAgent: bot)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Host.ViewAsync(article.ArticleId)).StatusCode);

        var after = await Host.StatsAsync();
        Assert.Equal(bots.Length, after.Ignored["bot"] - before.Ignored["bot"]);
        Assert.Equal(1, after.Accepted - before.Accepted);
        await Host.WaitUntilScoredAsync(1, article.ArticleId);
        await WaitUntilFlushedAsync();
        Assert.Equal(1, await Host.ScoredViewsAsync(article.ArticleId));
    }

    [Fact]
    public async Task Unknown_articles_are_not_counted()
    {
        var before = await Host.StatsAsync();

        Assert.Equal(HttpStatusCode.Accepted, (await Host.ViewAsync(Guid.NewGuid())).StatusCode);

        var after = await Host.StatsAsync();
        Assert.Equal(1, after.Ignored["unknown_article"] - before.Ignored["unknown_article"]);
        Assert.Equal(before.Accepted, after.Accepted);
    }

    [Fact]
    public async Task A_reader_counts_once_per_article_per_half_hour()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-15T10:00:00Z");
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("news"), "Election night");
        var other = await Host.PublishArticleAsync(Articles.UniqueSection("news"), "Election results");
        var reader = Guid.NewGuid();
        var before = await Host.StatsAsync();

        await Host.ViewAsync(article.ArticleId, reader);
        fixture.Clock.Advance(TimeSpan.FromMinutes(12));
        await Host.ViewAsync(article.ArticleId, reader);
        await Host.ViewAsync(other.ArticleId, reader);
        fixture.Clock.Advance(TimeSpan.FromMinutes(17));
        await Host.ViewAsync(article.ArticleId, reader);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2)); // 31 minutes after the counted view
        await Host.ViewAsync(article.ArticleId, reader);

        var after = await Host.StatsAsync();
        Assert.Equal(3, after.Accepted - before.Accepted);
        Assert.Equal(2, after.Ignored["repeat"] - before.Ignored["repeat"]);
        await Host.WaitUntilScoredAsync(2, article.ArticleId);
        await Host.WaitUntilScoredAsync(1, other.ArticleId);
    }

    [Fact]
    public async Task A_first_view_hands_out_a_short_lived_reader_cookie_that_marks_the_next_as_a_repeat()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-15T11:00:00Z");
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("news"), "Harbour reopens");
        var before = await Host.StatsAsync();

        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views") { Content = Json(article.ArticleId) };
        first.Headers.UserAgent.ParseAdd(TrendingHost.Browser);
        var response = await Host.Client.SendAsync(first);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith($"{ReaderIdentity.CookieName}=", cookie);
        Assert.Contains("max-age=1800", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/api/trending", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var reader = Guid.ParseExact(cookie.Split(';')[0].Split('=')[1], "N");
        await Host.ViewAsync(article.ArticleId, reader);

        var after = await Host.StatsAsync();
        Assert.Equal(1, after.Accepted - before.Accepted);
        Assert.Equal(1, after.Ignored["repeat"] - before.Ignored["repeat"]);
    }

    [Fact]
    public async Task Forwarded_addresses_are_believed_only_from_trusted_proxies()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-15T12:00:00Z");
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("news"), "Bridge closed");
        var before = await Host.StatsAsync();

        // Through the gateway (a trusted network) and a trusted single address: three readers, three views.
        await BeaconAsync(article.ArticleId, "10.20.3.4", "198.51.100.1");
        await BeaconAsync(article.ArticleId, "10.20.3.4", "198.51.100.2");
        await BeaconAsync(article.ArticleId, TrendingFixture.TrustedProxyAddress, "198.51.100.3");
        // Straight from the internet, or from loopback (trusted by nobody unless configured): the header is ignored,
        // so one client cannot pose as many readers.
        await BeaconAsync(article.ArticleId, "127.0.0.1", "198.51.100.7");
        await BeaconAsync(article.ArticleId, "203.0.113.50", "198.51.100.4");
        await BeaconAsync(article.ArticleId, "203.0.113.50", "198.51.100.5");
        await BeaconAsync(article.ArticleId, "203.0.113.50", "198.51.100.6");

        var after = await Host.StatsAsync();
        Assert.Equal(5, after.Accepted - before.Accepted);
        Assert.Equal(2, after.Ignored["repeat"] - before.Ignored["repeat"]);
    }

    [Fact]
    public async Task A_beacon_sent_as_text_plain_by_navigator_sendBeacon_counts()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-15T13:00:00Z");
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("news"), "Library opens");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
        {
            Content = new StringContent($$"""{"articleId":"{{article.ArticleId}}"}""", Encoding.UTF8, "text/plain"),
        };
        request.Headers.UserAgent.ParseAdd(TrendingHost.Browser);

        Assert.Equal(HttpStatusCode.Accepted, (await Host.Client.SendAsync(request)).StatusCode);
        await Host.WaitUntilScoredAsync(1, article.ArticleId);
    }

    [Theory]
    [InlineData("application/json", "{", 400, "not valid")]
    [InlineData("application/json", "", 400, "empty")]
    [InlineData("application/json", "{}", 400, "articleId")]
    [InlineData("application/json", """{"articleId":"not-a-guid"}""", 400, "$.articleId")]
    [InlineData("application/json", """{"articleId":"00000000-0000-0000-0000-000000000000"}""", 400, "articleId")]
    [InlineData("application/json", """{"articleId":"6d1c7a6e-9c61-4a3b-8f2e-2b9a1f0e4c11","reader":"me"}""", 400, "reader")]
    [InlineData("application/json", "[1,2,3]", 400, "not valid")]
    [InlineData("application/xml", "<view/>", 415, "application/json")]
    public async Task Malformed_beacons_are_refused_with_problem_details_and_count_nothing(string contentType, string body, int status, string mentions)
    {
        var before = await Host.StatsAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
        {
            Content = new StringContent(body, new MediaTypeHeaderValue(contentType)),
        };
        request.Headers.UserAgent.ParseAdd(TrendingHost.Browser);

        var response = await Host.Client.SendAsync(request);

        await AssertProblemAsync(response, status, mentions);
        Assert.Equal(before.Accepted, (await Host.StatsAsync()).Accepted);
    }

    [Fact]
    public async Task An_oversized_beacon_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
        {
            Content = new StringContent($$"""{"articleId":"{{Guid.NewGuid()}}","pad":"{{new string('x', 5000)}}"}""", Encoding.UTF8, "application/json"),
        };

        await AssertProblemAsync(await Host.Client.SendAsync(request), 413, "1024 bytes");
    }

    [Fact]
    public async Task Node_stats_are_for_admins_only()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Client.GetAsync("/api/trending/stats")).StatusCode);
        using var writer = new HttpRequestMessage(HttpMethod.Get, "/api/trending/stats");
        writer.Headers.Authorization = new("Bearer", TestTokens.For("writer"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Host.Client.SendAsync(writer)).StatusCode);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/trending/stats");
        forged.Headers.Authorization = new("Bearer", TestTokens.WrongKey("admin"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Client.SendAsync(forged)).StatusCode);
    }

    async Task BeaconAsync(Guid articleId, string remote, string forwardedFor)
    {
        var context = await Host.Server.SendAsync(c =>
        {
            c.Request.Method = "POST";
            c.Request.Path = "/api/trending/views";
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes($$"""{"articleId":"{{articleId}}"}"""));
            c.Request.Headers.UserAgent = TrendingHost.Browser;
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        });
        Assert.Equal(StatusCodes.Status202Accepted, context.Response.StatusCode);
    }

    async Task WaitUntilFlushedAsync() =>
        await Eventually.MatchAsync(Host.StatsAsync, s => s.Pending == 0 && s.Published >= s.Accepted, TimeSpan.FromSeconds(20),
            "every accepted view to be published");

    static StringContent Json(Guid articleId) => new($$"""{"articleId":"{{articleId}}"}""", Encoding.UTF8, "application/json");

    static async Task AssertProblemAsync(HttpResponseMessage response, int status, string mentions)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains(mentions), body);
    }
}
