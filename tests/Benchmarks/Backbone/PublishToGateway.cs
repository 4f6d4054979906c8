using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.Backbone;

/// <summary>
/// Publish → visible, end to end: Authoring, ReaderFeed and the gateway run as their own processes (Release,
/// shipped settings; the gateway routes both). Each sample creates a draft through the gateway, then times from
/// the moment <c>POST /api/authoring/articles/{id}/publish</c> answers until a reader's <c>GET</c> of the article's
/// URL (polled every 2 ms) is served with its headline — through the gateway, or from ReaderFeed directly on
/// alternate samples, which tells the relay's and consumer's share from the gateway's.
/// </summary>
public static class PublishToGateway
{
    const string AdminEmail = "relay-benchmark@newsplatform.test";
    const string AdminPassword = "Relay benchmark: a long passphrase 4417";
    static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(150);

    public sealed record Samples(List<double> Gateway, List<double> Direct);

    public static async Task<Samples> MeasureAsync(BenchmarkContext context, int samples, CancellationToken cancellationToken)
    {
        await using var infrastructure = await context.CreateInfrastructureAsync();
        var emptySeeds = Directory.CreateTempSubdirectory("relay-benchmark-seeds");
        try
        {
            var feedSettings = infrastructure.Settings();
            feedSettings["Logging:LogLevel:Default"] = "Warning";
            feedSettings["Newsroom:SiteUrl"] = "http://localhost:8080";
            await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", feedSettings);

            var authoringSettings = infrastructure.Settings();
            authoringSettings["Logging:LogLevel:Default"] = "Warning";
            authoringSettings["Authoring:SeedsPath"] = emptySeeds.FullName;
            authoringSettings["Authoring:BootstrapAdmin:Email"] = AdminEmail;
            authoringSettings["Authoring:BootstrapAdmin:Password"] = AdminPassword;
            await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", authoringSettings);

            var gatewaySettings = infrastructure.Settings();
            gatewaySettings["Logging:LogLevel:Default"] = "Warning";
            gatewaySettings["ReverseProxy:Clusters:authoring:Destinations:authoring-1:Address"] = authoring.BaseAddress.ToString();
            gatewaySettings["ReverseProxy:Clusters:readerfeed:Destinations:readerfeed-1:Address"] = readerFeed.BaseAddress.ToString();
            gatewaySettings["Gateway:Readiness:ServiceDownStatus"] = "Degraded"; // Media and Trending do not run here
            await using var gateway = await ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", gatewaySettings);

            using var editor = new HttpClient { BaseAddress = gateway.BaseAddress };
            editor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInAsync(editor));
            var text = new Text.ZipfText(4711);

            var result = new Samples([], []);
            const int warmUp = 4;
            for (var i = 0; i < samples * 2 + warmUp; i++)
            {
                var throughGateway = i % 2 == 0;
                var reader = throughGateway ? gateway.Client : readerFeed.Client;
                var headline = $"{text.Headline()} {i}";
                using var created = await editor.PostAsJsonAsync("/api/authoring/articles", new
                {
                    headline,
                    standfirst = text.Sentence(),
                    body = text.Body(6),
                    section = "News",
                    authors = new[] { text.Byline() },
                    tags = new[] { text.Word() },
                }, cancellationToken);
                created.EnsureSuccessStatusCode();
                using var draft = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
                var id = draft.RootElement.GetProperty("id").GetGuid();
                var url = draft.RootElement.GetProperty("url").GetString()!;
                await Task.Delay(Pause, cancellationToken);

                using var published = await editor.PostAsync($"/api/authoring/articles/{id}/publish", null, cancellationToken);
                var clock = Stopwatch.StartNew();
                published.EnsureSuccessStatusCode();
                while (!await VisibleAsync(reader, url, headline, cancellationToken))
                {
                    if (clock.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException($"{url} was not visible 30 s after its publication.");
                    await Task.Delay(2, cancellationToken);
                }
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (i >= warmUp) (throughGateway ? result.Gateway : result.Direct).Add(elapsed);
            }
            return result;
        }
        finally
        {
            emptySeeds.Delete();
        }
    }

    static async Task<bool> VisibleAsync(HttpClient reader, string url, string headline, CancellationToken cancellationToken)
    {
        using var response = await reader.GetAsync(url, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync(cancellationToken)).Contains(WebUtility.HtmlEncode(headline), StringComparison.Ordinal);
    }

    static async Task<string> SignInAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { email = AdminEmail, password = AdminPassword });
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }
}
