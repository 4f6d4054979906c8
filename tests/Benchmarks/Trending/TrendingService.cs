using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.Trending;

/// <summary>A Trending process on its own database and vhost, with the calls the benchmark makes on it.</summary>
public sealed class TrendingService : IAsyncDisposable
{
    public sealed record Stats(long Accepted, Dictionary<string, long> Ignored, long Published, long Pending, int LiveArticles);

    TrendingService(TestInfrastructure infrastructure, ServiceProcess process) => (Infrastructure, Process) = (infrastructure, process);

    public TestInfrastructure Infrastructure { get; }
    public ServiceProcess Process { get; }

    public static async Task<TrendingService> StartAsync(BenchmarkContext context)
    {
        var infrastructure = await context.CreateInfrastructureAsync();
        var settings = infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        // The beacons' X-Forwarded-For stands for the gateway's, which reaches Trending from loopback (as in up.sh).
        settings["ForwardedHeaders:TrustedNetworks"] = "127.0.0.1";
        var process = await ServiceProcess.StartAsync("services/Trending", "NewsPlatform.Trending", settings);
        return new TrendingService(infrastructure, process);
    }

    /// <summary>Publishes <paramref name="count"/> articles as Authoring's relay would and waits until the node serves them.</summary>
    public async Task<IReadOnlyList<Guid>> PublishArticlesAsync(int count, CancellationToken cancellationToken)
    {
        var bus = await TestBus.StartAsync(Infrastructure.VirtualHost.ConnectionString, cancellationToken);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        try
        {
            await Task.WhenAll(ids.Select((id, i) =>
            {
                var article = new PublicArticle(id, "news", $"story-{i}", [], $"Story {i}", "", "", ["Camilla Jessen"], [], null,
                    DateTimeOffset.UtcNow, null, []);
                var message = new ArticlePublishedV1(Guid.NewGuid(), id, 1, DateTimeOffset.UtcNow, article);
                return bus.Publish(message, c => c.MessageId = message.EventId, cancellationToken);
            }));
        }
        finally
        {
            await bus.StopAsync(cancellationToken);
        }
        await Eventually.MatchAsync(StatsAsync, s => s.LiveArticles >= count, TimeSpan.FromSeconds(120), $"{count} live articles");
        return ids;
    }

    public async Task<Stats> StatsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trending/stats");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("admin"));
        using var response = await Process.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Stats>(JsonSerializerOptions.Web))!;
    }

    /// <summary>Views the scorer has applied (its per-minute counts, written in the same transaction as the scores).</summary>
    public Task<long> ScoredAsync() => Infrastructure.Database.CountAsync("select coalesce(sum(views), 0) from trending.minute_views");

    public async Task<IReadOnlyList<Guid>> TopTenAsync()
    {
        using var response = await Process.Client.GetAsync("/api/trending?limit=10");
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("articleId").GetGuid()).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Infrastructure.DisposeAsync();
    }
}
