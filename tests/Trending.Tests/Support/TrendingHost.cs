using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;
using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Ranking;
using NewsPlatform.Trending.Replay;
using Npgsql;

namespace NewsPlatform.Trending.Tests.Support;

/// <summary>
/// One Trending host in the test process over real PostgreSQL and RabbitMQ, reading the test's clock,
/// with the helpers a reader, Authoring and an operator would use on it.
/// </summary>
public sealed class TrendingHost : IAsyncDisposable
{
    public const string Browser =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    readonly WebApplicationFactory<TrendingEntryPoint> _factory;
    readonly TestDatabase _database;

    TrendingHost(WebApplicationFactory<TrendingEntryPoint> factory, TestDatabase database)
    {
        _factory = factory;
        _database = database;
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
    }

    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;
    public TestServer Server => _factory.Server;
    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>
    /// Starts a host. Async on purpose: MassTransit keeps its log context in an AsyncLocal, and starting
    /// inside an async method keeps one host's context from leaking into the next host a test starts.
    /// </summary>
    public static async Task<TrendingHost> StartAsync(TestInfrastructure infrastructure, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        await Task.Yield();
        var all = infrastructure.Settings();
        // A shorter catalog loop than production so tests wait less; the behaviour is the same.
        all["Trending:CatalogRefresh"] = "00:00:00.200";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var factory = new ServiceFactory<TrendingEntryPoint>(all)
            .WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        return new TrendingHost(factory, infrastructure.Database);
    }

    /// <summary>Publishes as Authoring's relay would (MessageId = event id). An async method, like
    /// <see cref="StartAsync"/>, so MassTransit's AsyncLocal log context stays inside it.</summary>
    public async Task PublishAsync<T>(T message) where T : class, IIntegrationEvent =>
        await Bus.Publish(message, context => context.MessageId = message.EventId);

    /// <summary>Publishes an article as Authoring would and waits until this node accepts views of it.</summary>
    public async Task<PublicArticle> PublishArticleAsync(string section, string headline, DateTimeOffset? at = null)
    {
        var article = Articles.Public(Guid.NewGuid(), section, headline, publishedAt: at);
        await PublishAsync(Articles.Published(article, 1, at));
        await WaitForStateAsync(article.ArticleId, ArticleState.Live);
        return article;
    }

    /// <summary>Waits until <typeparamref name="TConsumer"/> has applied (or recognised and skipped) the message.</summary>
    public Task WaitUntilConsumedAsync<TConsumer>(Guid messageId) =>
        Eventually.MatchAsync(() => _database.CountAsync(
                $"select count(*) from trending.mt_doc_processedmessage where id = '{typeof(TConsumer).Name}:{messageId:N}'"),
            n => n == 1, TimeSpan.FromSeconds(20), $"{typeof(TConsumer).Name} to apply {messageId}");

    public Task WaitForStateAsync(Guid articleId, ArticleState state) =>
        Eventually.MatchAsync(() => Task.FromResult(Services.GetRequiredService<LiveArticles>().StateOf(articleId)),
            s => s == state, TimeSpan.FromSeconds(20), $"article {articleId} to be {state} on this node");

    public async Task<HttpResponseMessage> ViewAsync(Guid articleId, Guid? reader = null, string? userAgent = Browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/trending/views") { Content = JsonContent.Create(new { articleId }) };
        if (userAgent is not null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.Add("Cookie", $"np_reader={reader ?? Guid.NewGuid():N}");
        return await Client.SendAsync(request);
    }

    /// <summary><paramref name="count"/> views of one article by as many different readers, all answered 202.</summary>
    public async Task ViewManyAsync(Guid articleId, int count)
    {
        var statuses = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (_, _) => statuses.Add((await ViewAsync(articleId)).StatusCode));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
    }

    /// <summary>Views of these articles applied by the scorer (the per-minute counts it writes with each score).</summary>
    public Task<long> ScoredViewsAsync(params Guid[] articles) => _database.CountAsync(
        $"select coalesce(sum(views), 0) from trending.minute_views where article_id in ({string.Join(',', articles.Select(a => $"'{a}'"))})");

    /// <summary>The stored score row of an article: its value and the instant it holds at.</summary>
    public async Task<(double Score, DateTimeOffset ScoredAt, long Views)?> StoredScoreAsync(Guid articleId)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select score, scored_at, views from trending.scores where article_id = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = articleId } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetDouble(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt64(2)) : null;
    }

    public Task WaitUntilScoredAsync(long expected, params Guid[] articles) =>
        Eventually.MatchAsync(() => ScoredViewsAsync(articles), n => n >= expected, TimeSpan.FromSeconds(30),
            $"{expected} scored views of {articles.Length} article(s)");

    /// <summary>This node's ingest counters, read as an operator would (admin token).</summary>
    public async Task<IngestStatsResponse> StatsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/trending/stats");
        request.Headers.Authorization = new("Bearer", TestTokens.For("admin"));
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IngestStatsResponse>(JsonSerializerOptions.Web))!;
    }

    public async Task<TrendingResponse> TrendingAsync(string? section = null, int? limit = null)
    {
        var query = new List<string>();
        if (section is not null) query.Add($"section={Uri.EscapeDataString(section)}");
        if (limit is not null) query.Add($"limit={limit}");
        var response = await Client.GetAsync("/api/trending" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TrendingResponse>(JsonSerializerOptions.Web))!;
    }

    public async Task<ReplayResponse> ReplayAsync(DateTimeOffset at, string? section = null, TimeSpan? halfLife = null, int? limit = null)
    {
        var query = $"/api/trending/replay?at={Uri.EscapeDataString(at.ToString("O"))}";
        if (section is not null) query += $"&section={section}";
        if (halfLife is not null) query += $"&halfLife={halfLife}";
        if (limit is not null) query += $"&limit={limit}";
        var response = await Client.GetAsync(query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ReplayResponse>(JsonSerializerOptions.Web))!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
    }
}
