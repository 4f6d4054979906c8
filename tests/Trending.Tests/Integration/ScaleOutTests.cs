using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MassTransit;
using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Tests.Support;
using Npgsql;

namespace NewsPlatform.Trending.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection
{
    public const string Name = "Scale-out";
}

/// <summary>
/// Two Trending instances on one database and vhost — two ingest nodes and two competing scoring
/// consumers on one queue — must store exactly what one instance stores for the same 10,000 views.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public class ScaleOutTests
{
    const int Views = 10_000;
    const int Rounds = 5;
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:00:00Z");

    [Fact]
    public async Task Two_scoring_instances_store_exactly_the_totals_of_one()
    {
        var random = new Random(20250114);
        var articles = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
        // Popularity skewed like real traffic: a few articles get most of the views.
        var plan = Enumerable.Range(0, Views).Select(i => (Round: i % Rounds, Article: articles[(int)(articles.Length * Math.Pow(random.NextDouble(), 2))])).ToList();

        var one = await RunAsync(articles, plan, instances: 1);
        var two = await RunAsync(articles, plan, instances: 2);

        var planned = plan.GroupBy(v => v.Article).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(planned, one.Totals);
        Assert.Equal(one.Totals, two.Totals);
        Assert.Equal(one.Minutes, two.Minutes);
        foreach (var (article, score) in one.Scores)
            Assert.Equal(score, two.Scores[article], 1e-9 * score); // same terms, summed in another order
        Assert.Equal(2, two.QueueConsumers);
        Assert.All(two.BatchesPerInstance, n => Assert.True(n > 0, $"an instance scored no batch: {string.Join(", ", two.BatchesPerInstance)}"));
    }

    sealed record Run(
        Dictionary<Guid, long> Totals, List<(Guid, DateTimeOffset, long)> Minutes, Dictionary<Guid, double> Scores,
        int QueueConsumers, int[] BatchesPerInstance);

    static async Task<Run> RunAsync(Guid[] articles, List<(int Round, Guid Article)> plan, int instances)
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var clock = new TestClock(T0);
        var hosts = new List<TrendingHost>();
        try
        {
            var counters = new List<ConsumeCounter>();
            for (var i = 0; i < instances; i++)
            {
                var host = await TrendingHost.StartAsync(infrastructure, clock);
                var counter = new ConsumeCounter();
                host.Bus.ConnectConsumeObserver(counter);
                hosts.Add(host);
                counters.Add(counter);
            }

            foreach (var id in articles)
                await hosts[0].PublishAsync(Articles.Published(Articles.Public(id, "news", $"Story {id:N}")));
            foreach (var host in hosts)
                foreach (var id in articles)
                    await host.WaitForStateAsync(id, ArticleState.Live);

            for (var round = 0; round < Rounds; round++)
            {
                clock.Now = T0.AddMinutes(7 * round).AddSeconds(13);
                var views = plan.Where(v => v.Round == round).ToList();
                // Beacons alternate between the instances, as a load balancer would spread them.
                await Parallel.ForAsync(0, views.Count, new ParallelOptions { MaxDegreeOfParallelism = 16 },
                    async (i, _) => await hosts[i % hosts.Count].ViewAsync(views[i].Article));
            }
            await hosts[0].WaitUntilScoredAsync(plan.Count, articles);

            return new Run(
                await TotalsAsync(infrastructure), await MinutesAsync(infrastructure), await ScoresAsync(infrastructure),
                await QueueConsumersAsync(infrastructure, instances), counters.Select(c => c.Completed<ViewBatch>()).ToArray());
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    static async Task<Dictionary<Guid, long>> TotalsAsync(TestInfrastructure infrastructure) =>
        (await QueryAsync(infrastructure, "select article_id, sum(views) from trending.minute_views group by article_id",
            r => (r.GetGuid(0), Convert.ToInt64(r.GetValue(1))))).ToDictionary(x => x.Item1, x => x.Item2);

    static Task<List<(Guid, DateTimeOffset, long)>> MinutesAsync(TestInfrastructure infrastructure) =>
        QueryAsync(infrastructure, "select article_id, minute, views from trending.minute_views order by article_id, minute",
            r => (r.GetGuid(0), r.GetFieldValue<DateTimeOffset>(1), r.GetInt64(2)));

    static async Task<Dictionary<Guid, double>> ScoresAsync(TestInfrastructure infrastructure) =>
        (await QueryAsync(infrastructure, "select article_id, score from trending.scores", r => (r.GetGuid(0), r.GetDouble(1))))
        .ToDictionary(x => x.Item1, x => x.Item2);

    static async Task<List<T>> QueryAsync<T>(TestInfrastructure infrastructure, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }

    /// <summary>Consumers attached to the scoring queue, as RabbitMQ's management API reports them (its statistics lag a few seconds).</summary>
    static Task<int> QueueConsumersAsync(TestInfrastructure infrastructure, int expected) =>
        Eventually.MatchAsync(() => ReadQueueConsumersAsync(infrastructure), n => n == expected, TimeSpan.FromSeconds(30),
            $"{expected} consumer(s) on trending-view-batch");

    static async Task<int> ReadQueueConsumersAsync(TestInfrastructure infrastructure)
    {
        using var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitMqManagement.TrimEnd('/') + "/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitMqUser}:{TestEnvironment.RabbitMqPassword}")));
        var json = await http.GetStringAsync($"api/queues/{Uri.EscapeDataString(infrastructure.VirtualHost.Name)}/trending-view-batch");
        return JsonDocument.Parse(json).RootElement.TryGetProperty("consumers", out var consumers) ? consumers.GetInt32() : 0;
    }
}
