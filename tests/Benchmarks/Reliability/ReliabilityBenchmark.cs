using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsPlatform.Benchmarks.Text;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Benchmarks.Reliability;

/// <summary>
/// Faults under a newsroom's load, on real processes: a three-node RabbitMQ cluster (deploy/local/rabbit-cluster.sh)
/// loses the node leading the queues to kill -9; a PostgreSQL of the benchmark's own is restarted, then killed with
/// kill -9. Counts what was acknowledged, lost and applied twice, and how long until everything flows again, with
/// Authoring and Trending never restarted.
/// </summary>
public sealed class ReliabilityBenchmark : IBenchmark
{
    static readonly TimeSpan Before = TimeSpan.FromSeconds(10);
    static readonly TimeSpan After = TimeSpan.FromSeconds(45);
    static readonly TimeSpan PostgresDown = TimeSpan.FromSeconds(10);
    const string AdminEmail = "reliability@newsplatform.test";

    public string Name => "reliability";
    public string Title => "Reliability: the queue leader killed on a 3-node RabbitMQ cluster, PostgreSQL restarted and killed, under load";

    sealed record Outcome(string Fault, int Published, int PublishedLost, int PublishedTwice, int PublishFailures,
        int Beacons, long BeaconsLost, long BeaconsTwice, int BeaconFailures, TimeSpan? PublishFlowing, TimeSpan? BeaconsFlowing,
        string Load, string Note);

    public async Task<string> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var root = context.RepositoryRoot;
        Console.WriteLine("starting the RabbitMQ cluster and PostgreSQL of this benchmark's own");
        var cluster = await RabbitCluster.UpAsync(root, cancellationToken);
        var postgres = await OwnPostgres.StartAsync(root, cancellationToken);
        await using var database = await TestDatabase.CreateAsync(postgres.AdminConnection);
        await using var vhost = await TestVirtualHost.CreateAsync(cluster.ConnectionString, cluster.Management[0], cluster.Credentials);

        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = vhost.ConnectionString,
            ["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Trending:CatalogRefresh"] = "00:00:00.200",
            ["Authoring:BootstrapAdmin:Email"] = AdminEmail,
            ["Authoring:BootstrapAdmin:Password"] = "reliability-" + Guid.NewGuid().ToString("N"),
        };
        // Consumers first, so their queues exist before Authoring relays anything.
        await using var trending = await ServiceProcess.StartAsync("services/Trending", "NewsPlatform.Trending", settings);
        await using var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings);
        var token = await SignInAsync(authoring.Client, AdminEmail, settings["Authoring:BootstrapAdmin:Password"]!);
        using var editors = NewsroomLoad.Client(authoring.BaseAddress, token);
        using var readers = NewsroomLoad.Client(trending.BaseAddress);

        var leader = await cluster.LeaderAsync(vhost.Name);
        var outcomes = new List<Outcome>();
        var seed = 1;
        outcomes.Add(await RunPhaseAsync($"RabbitMQ node {leader.Node} (leader of {leader.Leads} of {leader.Queues} quorum queues) killed with kill -9",
            async () => Shell.KillHard(cluster.Pid(leader.Node)), seed++));
        Console.WriteLine($"starting RabbitMQ node {leader.Node} again");
        await cluster.StartNodeAsync(leader.Node, cancellationToken);
        outcomes.Add(await RunPhaseAsync("PostgreSQL restarted (pg_ctl stop -m fast, start)",
            () => postgres.RestartAsync(cancellationToken), seed++));
        outcomes.Add(await RunPhaseAsync($"PostgreSQL killed with kill -9, started {PostgresDown.TotalSeconds:0} s later",
            () => postgres.KillAndStartAsync(PostgresDown, cancellationToken), seed++));

        var alive = !trending.HasExited && !authoring.HasExited;
        return Report(outcomes, alive);

        async Task<Outcome> RunPhaseAsync(string fault, Func<Task> inject, int phaseSeed)
        {
            Console.WriteLine($"-- {fault}");
            var text = new ZipfText(phaseSeed);
            var beaconArticles = new List<Guid>();
            for (var i = 0; i < 4; i++)
            {
                var id = await NewsroomLoad.CreateAsync(editors, text);
                (await editors.PostAsync($"/api/authoring/articles/{id}/publish", null)).EnsureSuccessStatusCode();
                beaconArticles.Add(id);
            }
            await Eventually.MatchAsync(() => SeenAsync(database, beaconArticles), seen => seen.Count == beaconArticles.Count,
                TimeSpan.FromSeconds(120), "the beacon articles to be live in Trending");
            await Task.Delay(TimeSpan.FromSeconds(1));   // Trending's live-article cache refreshes every 200 ms

            var load = new NewsroomLoad(editors, readers, beaconArticles, phaseSeed);
            var seenAt = new Dictionary<Guid, TimeSpan>();
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(stop.Token);
            var watching = WatchAsync(load, seenAt, database, stop.Token);
            var loadBefore = Load();
            await Task.Delay(Before);
            var faultAt = load.Now;
            await inject();
            var faultDone = load.Now;
            await Task.Delay(After);
            var loadDuring = Load();
            await stop.CancelAsync();
            await running;
            await watching;

            var published = load.Published.ToList();
            var accepted = load.BeaconsAccepted.Count;
            Console.WriteLine($"   load stopped: {published.Count} publishes and {accepted} beacons acknowledged; waiting for them to arrive");
            var reached = await WaitForAsync(() => SeenAsync(database, published.Select(p => p.Article).ToList()), s => s.Count == published.Count);
            var (views, counted) = await WaitForAsync(() => ViewsAsync(database, beaconArticles), v => v.Readers >= accepted);
            await CatchUpAsync(load, seenAt, database);

            var twice = await PublishedTwiceAsync(database, published.Select(p => p.Article).ToList());
            var afterFault = published.Where(p => p.At >= faultAt).Select(p => seenAt.TryGetValue(p.Article, out var s) ? s : (TimeSpan?)null)
                .Where(s => s is not null).Select(s => s!.Value).DefaultIfEmpty(TimeSpan.MaxValue).Min();
            TimeSpan? publishFlowing = afterFault == TimeSpan.MaxValue ? null : afterFault - faultAt;
            var lastBeaconFailure = load.BeaconFailures.Where(f => f >= faultAt).DefaultIfEmpty(TimeSpan.MinValue).Max();
            TimeSpan? beaconsFlowing = lastBeaconFailure == TimeSpan.MinValue
                ? TimeSpan.Zero
                : load.BeaconsAccepted.Where(a => a > lastBeaconFailure).Select(a => a - faultAt).DefaultIfEmpty(TimeSpan.MaxValue).Min() is var b && b != TimeSpan.MaxValue ? b : null;

            return new Outcome(fault, published.Count, published.Count - reached.Count, twice, load.PublishFailures.Count(f => f >= faultAt),
                accepted, Math.Max(0, accepted - counted), Math.Max(0, views - counted), load.BeaconFailures.Count(f => f >= faultAt),
                publishFlowing, beaconsFlowing, $"{loadBefore} / {loadDuring}",
                $"fault injected in {(faultDone - faultAt).TotalSeconds:0.0} s");
        }
    }

    /// <summary>Records when each acknowledged article first appears in Trending's catalog (polled every 250 ms).</summary>
    static async Task WatchAsync(NewsroomLoad load, Dictionary<Guid, TimeSpan> seenAt, TestDatabase database, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(250, CancellationToken.None);
            await CatchUpAsync(load, seenAt, database);
        }
    }

    static async Task CatchUpAsync(NewsroomLoad load, Dictionary<Guid, TimeSpan> seenAt, TestDatabase database)
    {
        var waiting = load.Published.Select(p => p.Article).Where(a => !seenAt.ContainsKey(a)).ToList();
        if (waiting.Count == 0) return;
        try
        {
            var now = load.Now;
            foreach (var id in await SeenAsync(database, waiting)) seenAt[id] = now;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // PostgreSQL is down: nothing is seen until it is back.
        }
    }

    static async Task<HashSet<Guid>> SeenAsync(TestDatabase database, IReadOnlyList<Guid> articles)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select article_id from trending.articles where published and article_id = any($1)", connection);
        command.Parameters.AddWithValue(articles.ToArray());
        var seen = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) seen.Add(reader.GetGuid(0));
        return seen;
    }

    /// <summary>Views Trending scored for the beacon articles, and the distinct readers they came from.</summary>
    static async Task<(long Views, long Readers)> ViewsAsync(TestDatabase database, IReadOnlyList<Guid> articles)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select coalesce(sum(views), 0) from trending.minute_views where article_id = any($1))::bigint, " +
            "(select count(*) from trending.reader_views where article_id = any($1))::bigint", connection);
        command.Parameters.AddWithValue(articles.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Articles whose one acknowledged publish Authoring recorded more than once.</summary>
    static async Task<int> PublishedTwiceAsync(TestDatabase database, IReadOnlyList<Guid> articles)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from (select stream_id from authoring.mt_events where type = 'article_published' " +
            "and stream_id = any($1) group by stream_id having count(*) > 1) twice", connection);
        command.Parameters.AddWithValue(articles.ToArray());
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Waits up to three minutes for everything acknowledged to arrive; returns the last reading either way.</summary>
    static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            try
            {
                var value = await read();
                if (done(value) || DateTime.UtcNow > deadline) return value;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline) { }
            await Task.Delay(500);
        }
    }

    static async Task<string> SignInAsync(HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString()!;
    }

    static string Load() => File.Exists("/proc/loadavg")
        ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
        : "n/a";

    static string Seconds(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:0.0} s" : "not within the run";

    static string Report(List<Outcome> outcomes, bool alive)
    {
        var lost = outcomes.Sum(o => o.PublishedLost + o.BeaconsLost);
        var twice = outcomes.Sum(o => o.PublishedTwice + o.BeaconsTwice);
        var slowest = outcomes.Select(o => new[] { o.PublishFlowing, o.BeaconsFlowing }.Max()).Max();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            Authoring and Trending as real processes (Release) on a RabbitMQ 3.10 cluster of three nodes on loopback
            (`deploy/local/rabbit-cluster.sh`; quorum queues, the default) and a PostgreSQL 15 of the benchmark's own
            (fsync on). Load: {NewsroomLoad.Editors} editors looping create + publish (Zipf-distributed text over
            wamerican-large) and {NewsroomLoad.Readers} readers sending page-view beacons (a new reader each) for four
            live articles. Each fault comes {Before.TotalSeconds:0} s into the load, which runs {After.TotalSeconds:0} s more;
            then the benchmark waits for what was acknowledged to arrive. The services are never restarted.
            Lost = acknowledged but never applied (an article not live in Trending; a 202 beacon not counted);
            applied twice = an article published twice in Authoring's stream for one acknowledged publish, or views counted
            more than once. Flowing again = from the fault to the first article published after it that reached Trending,
            and to the first accepted beacon after the last refused one.

            **Lost: {lost}, applied twice: {twice}, all flowing again within {Seconds(slowest)}; services restarted: none
            ({(alive ? "both still running" : "a service exited")}).**

            | fault | publishes acknowledged | lost | twice | publishes refused after the fault | beacons acknowledged | lost | twice | beacons refused after the fault | publishes flowing again | beacons flowing again | load 1/5/15 before / during |
            |---|---|---|---|---|---|---|---|---|---|---|---|
            """);
        foreach (var o in outcomes)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {o.Fault} ({o.Note}) | {o.Published} | {o.PublishedLost} | {o.PublishedTwice} | {o.PublishFailures} | {o.Beacons} | " +
                $"{o.BeaconsLost} | {o.BeaconsTwice} | {o.BeaconFailures} | {Seconds(o.PublishFlowing)} | {Seconds(o.BeaconsFlowing)} | {o.Load} |");
        return text.ToString();
    }
}
