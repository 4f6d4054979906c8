using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsPlatform.Trending.Ingest;

namespace NewsPlatform.Trending.Tests.Support;

/// <summary>Trending as a real process (as in the stack), for tests that kill or stop it: start, beacons, stats, SIGTERM.</summary>
public static class TrendingProcess
{
    public static Task<ServiceProcess> StartAsync(TestInfrastructure infrastructure, IDictionary<string, string?>? extra = null)
    {
        var settings = infrastructure.Settings();
        settings["Trending:CatalogRefresh"] = "00:00:00.200";
        settings["Logging:LogLevel:Default"] = "Warning";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return ServiceProcess.StartAsync("services/Trending", "NewsPlatform.Trending", settings);
    }

    /// <summary>Publishes an article as Authoring's relay would and waits until the node accepts views of it.</summary>
    public static async Task PublishArticleAsync(TestInfrastructure infrastructure, ServiceProcess node, Guid articleId)
    {
        var published = Articles.Published(Articles.Public(articleId, "news", "Power cut"));
        await TestBus.PublishAsync(infrastructure.VirtualHost.ConnectionString, published, published.EventId);
        await Eventually.MatchAsync(() => StatsAsync(node), s => s.LiveArticles >= 1, TimeSpan.FromSeconds(30), "the article to be live on the node");
    }

    /// <summary>A browser's beacon from a reader with this cookie.</summary>
    public static HttpRequestMessage Beacon(Guid articleId, Guid reader)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views")
        {
            Content = new StringContent($$"""{"articleId":"{{articleId}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", TrendingHost.Browser);
        request.Headers.Add("Cookie", $"{ReaderIdentity.CookieName}={reader:N}");
        return request;
    }

    public static async Task<IngestStatsResponse> StatsAsync(ServiceProcess node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trending/stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin"));
        using var response = await node.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IngestStatsResponse>(JsonSerializerOptions.Web))!;
    }

    /// <summary>SIGTERM, as an orchestrator stops a container, and waits for the process to end by itself.</summary>
    public static async Task TerminateAsync(ServiceProcess node)
    {
        using (var kill = Process.Start("kill", ["-TERM", node.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await Eventually.MatchAsync(() => Task.FromResult(node.HasExited), exited => exited, TimeSpan.FromSeconds(60), "the node to stop");
    }

    /// <summary>Views scored for this article, and the readers counted for it (one each when every reader is new).</summary>
    public static async Task<(long Views, long Readers, long ScoreViews)> ScoredAsync(TestInfrastructure infrastructure, Guid articleId) =>
        (await infrastructure.Database.CountAsync($"select coalesce(sum(views), 0) from trending.minute_views where article_id = '{articleId}'"),
         await infrastructure.Database.CountAsync($"select count(*) from trending.reader_views where article_id = '{articleId}'"),
         await infrastructure.Database.CountAsync($"select coalesce(sum(views), 0) from trending.scores where article_id = '{articleId}'"));
}
