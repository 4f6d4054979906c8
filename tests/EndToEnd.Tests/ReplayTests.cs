using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.EndToEnd.Tests;

/// <summary>
/// Replaying Authoring's relayed events to one consumer's queue, as an operator does for a ReaderFeed whose
/// database was lost: real Authoring and ReaderFeed processes, real PostgreSQL and RabbitMQ, the command line and
/// the admin API.
/// </summary>
public sealed class ReplayTests
{
    const int ArticleCount = 10_000;
    const string FeedQueue = "readerfeed-article-published";
    const string Bystander = "replay-tests-bystander";
    const string PublishedExchange = "NewsPlatform.Contracts.Articles:ArticlePublishedV1";
    const string ViewsSql = "select id::text, data::text from readerfeed.mt_doc_articleview order by id";

    [Fact]
    public async Task A_ReaderFeed_on_an_empty_database_serves_all_10000_articles_after_a_replay_as_one_that_saw_them_live()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        await using var emptyDatabase = await TestDatabase.CreateAsync();
        var settings = Settings(infrastructure);

        // A ReaderFeed that sees every article live, and a queue bound like a second consumer's that nobody drains.
        await using var liveFeed = await StartReaderFeedAsync(settings);
        await using var authoring = await StartAuthoringAsync(settings);
        await BindBystanderAsync(infrastructure.VirtualHost.Name);
        var editor = await SignInAsync(authoring);
        // One article first: the live path works end to end before the archive follows.
        await ImportAsync(editor, [ArchiveText(0)]);
        await WaitAsync(() => infrastructure.Database.CountAsync("select count(*) from readerfeed.mt_doc_articleview"),
            n => n == 1, TimeSpan.FromMinutes(2), "the first article in the live ReaderFeed", authoring, liveFeed);
        await ImportAsync(editor, Enumerable.Range(1, ArticleCount - 1).Select(ArchiveText).ToList());

        await WaitAsync(() => infrastructure.Database.CountAsync("select count(*) from readerfeed.mt_doc_articleview"),
            n => n == ArticleCount, TimeSpan.FromMinutes(10), $"{ArticleCount} articles in the live ReaderFeed", authoring, liveFeed);
        var liveViews = await ReadModelsAsync(infrastructure.Database.ConnectionString);
        var liveSitemap = await SitemapAsync(liveFeed);
        var samplePaths = liveViews.Values.Select(PathOf).Where((_, i) => i % 500 == 0).ToList();
        var livePages = await PagesAsync(liveFeed, samplePaths);
        await WaitForDepthAsync(infrastructure.VirtualHost, Bystander, ArticleCount);
        await liveFeed.KillAsync();

        // The same ReaderFeed with its database lost: it starts empty and serves nothing.
        var lostSettings = new Dictionary<string, string?>(settings) { ["ConnectionStrings:Postgres"] = emptyDatabase.ConnectionString };
        await using var restoredFeed = await StartReaderFeedAsync(lostSettings);
        Assert.Equal(HttpStatusCode.NotFound, (await restoredFeed.Client.GetAsync(samplePaths[0])).StatusCode);

        var (exitCode, output) = await RunAuthoringCommandAsync(settings, "replay", "--to", FeedQueue);
        Assert.True(exitCode == 0, output);
        Assert.Contains($"done: {ArticleCount:N0} message(s) sent to {FeedQueue}", output);
        Assert.Contains("100%", output);

        await WaitAsync(() => emptyDatabase.CountAsync("select count(*) from readerfeed.mt_doc_articleview"),
            n => n == ArticleCount, TimeSpan.FromMinutes(10), $"{ArticleCount} articles in the ReaderFeed replayed to", restoredFeed);
        var replayedViews = await ReadModelsAsync(emptyDatabase.ConnectionString);
        Assert.Equal(liveViews, replayedViews);
        Assert.Equal(liveSitemap, await SitemapAsync(restoredFeed));
        Assert.Equal(livePages, await PagesAsync(restoredFeed, samplePaths));
        Assert.Equal(ArticleCount, ArticlesIn(liveSitemap));

        // Only the named queue received the replay: the bystander bound to the same exchange holds just the live copies.
        // (The management API refreshes queue figures every 5 s; two refreshes after the broker confirmed every send.)
        await Task.Delay(TimeSpan.FromSeconds(11));
        Assert.Equal(ArticleCount, await infrastructure.VirtualHost.QueueDepthAsync(Bystander));

        // The same replay again, through the admin API: every message is a duplicate and changes nothing.
        var admin = Bearer(authoring, TestTokens.For("admin", "ops@newsplatform.test"));
        var accepted = await admin.PostAsJsonAsync("/api/authoring/admin/replays", new { to = FeedQueue });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var status = await Eventually.MatchAsync(
            async () => JsonNode.Parse(await admin.GetStringAsync(accepted.Headers.Location))!,
            run => Finished(run), TimeSpan.FromMinutes(5), "the second replay to finish");
        Assert.Equal("succeeded", State(status));
        Assert.Equal(ArticleCount, (long)status["sent"]!);
        Assert.Equal(ArticleCount, (long)status["eventsRead"]!);
        Assert.Equal(ArticleCount, (long)status["eventsTotal"]!);
        Assert.Equal(ArticleCount, (long)status["sentByType"]!["ArticlePublishedV1"]!);
        Assert.Equal("ops@newsplatform.test", (string?)status["requestedBy"]);

        // One more article, published live after the duplicates: once ReaderFeed shows it, it has worked through them.
        await ImportAsync(editor, [ArchiveText(ArticleCount)]);
        await WaitAsync(() => emptyDatabase.CountAsync("select count(*) from readerfeed.mt_doc_articleview"),
            n => n == ArticleCount + 1, TimeSpan.FromMinutes(5), "the article published after the second replay", authoring, restoredFeed);
        var afterRepeat = await ReadModelsAsync(emptyDatabase.ConnectionString);
        Assert.Equal(liveViews, afterRepeat.Where(v => liveViews.ContainsKey(v.Key)).ToDictionary());
        Assert.Equal(ArticleCount + 1, await emptyDatabase.CountAsync("select count(*) from readerfeed.mt_doc_processedmessage"));
        Assert.Equal(ArticleCount + 1, await emptyDatabase.CountAsync("select count(*) from readerfeed.mt_events"));
        Assert.Equal(livePages, await PagesAsync(restoredFeed, samplePaths));
    }

    [Fact]
    public async Task A_replay_names_what_is_wrong_with_its_request_and_starts_nothing_and_is_for_admins_only()
    {
        await using var infrastructure = await TestInfrastructure.CreateAsync();
        var settings = Settings(infrastructure);
        await using var feed = await StartReaderFeedAsync(settings);
        await using var authoring = await StartAuthoringAsync(settings);
        await BindBystanderAsync(infrastructure.VirtualHost.Name);
        await ImportAsync(await SignInAsync(authoring), Enumerable.Range(0, 3).Select(ArchiveText).ToList());
        await WaitForDepthAsync(infrastructure.VirtualHost, Bystander, 3);
        await Eventually.MatchAsync(() => infrastructure.Database.CountAsync("select count(*) from readerfeed.mt_doc_processedmessage"),
            n => n == 3, TimeSpan.FromMinutes(2), "ReaderFeed to apply the three live articles");
        var admin = Bearer(authoring, TestTokens.For("admin"));

        var unknown = await admin.PostAsJsonAsync("/api/authoring/admin/replays", new { to = "readerfeed-no-such-consumer" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        Assert.Contains("There is no queue 'readerfeed-no-such-consumer'", (string?)problem["errors"]!["to"]![0]);

        var both = await admin.PostAsJsonAsync("/api/authoring/admin/replays", new { to = FeedQueue, fromPosition = 1, fromTime = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("not both", (string?)JsonNode.Parse(await both.Content.ReadAsStringAsync())!["errors"]!["fromPosition"]![0]);

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await authoring.Client.PostAsJsonAsync("/api/authoring/admin/replays", new { to = FeedQueue })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await Bearer(authoring, TestTokens.For("editor")).PostAsJsonAsync("/api/authoring/admin/replays", new { to = FeedQueue })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/authoring/admin/replays/{Guid.NewGuid()}")).StatusCode);

        var (exitCode, output) = await RunAuthoringCommandAsync(settings, "replay", "--to", "readerfeed-no-such-consumer");
        Assert.Equal(2, exitCode);
        Assert.Contains("error: --to: There is no queue 'readerfeed-no-such-consumer'", output);
        var (usageExit, usage) = await RunAuthoringCommandAsync(settings, "replay", "--from-position", "1");
        Assert.Equal(2, usageExit);
        Assert.Contains("usage: replay --to QUEUE", usage);

        // Nothing was started by any of those; the bystander still holds only its three live copies.
        Assert.Empty(JsonNode.Parse(await admin.GetStringAsync("/api/authoring/admin/replays"))!.AsArray());

        // A replay from a time after every event sends nothing; from before the first, the three articles, to that queue alone.
        var late = await ReplayAndWaitAsync(admin, new { to = Bystander, fromTime = DateTimeOffset.UtcNow.AddMinutes(1) });
        Assert.Equal(0, (long)late["sent"]!);
        var early = await ReplayAndWaitAsync(admin, new { to = Bystander, fromTime = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Equal(3, (long)early["sent"]!);
        Assert.Equal(3, (long)early["eventsTotal"]!);
        await WaitForDepthAsync(infrastructure.VirtualHost, Bystander, 6);
        Assert.Equal(3, await infrastructure.Database.CountAsync("select count(*) from readerfeed.mt_doc_processedmessage"));
    }

    /// <summary><see cref="Eventually.MatchAsync{T}"/>, with what the processes involved last wrote when it times out.</summary>
    static async Task WaitAsync(Func<Task<long>> read, Func<long, bool> done, TimeSpan timeout, string what, params ServiceProcess[] processes)
    {
        try
        {
            await Eventually.MatchAsync(read, done, timeout, what);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + string.Concat(processes.Select(p => $"\n--- process {p.Id} ---\n{p.Output}")), e);
        }
    }

    static async Task<JsonNode> ReplayAndWaitAsync(HttpClient admin, object request)
    {
        var accepted = await admin.PostAsJsonAsync("/api/authoring/admin/replays", request);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var run = await Eventually.MatchAsync(
            async () => JsonNode.Parse(await admin.GetStringAsync(accepted.Headers.Location))!,
            r => Finished(r), TimeSpan.FromMinutes(2), "the replay to finish");
        Assert.Equal("succeeded", State(run));
        return run;
    }

    static string? State(JsonNode run) => ((string?)run["state"])?.ToLowerInvariant();

    static bool Finished(JsonNode run) => State(run) is "succeeded" or "failed";

    static Dictionary<string, string?> Settings(TestInfrastructure infrastructure)
    {
        var settings = infrastructure.Settings();
        settings["ConnectionStrings:RabbitMqManagement"] = TestEnvironment.RabbitMqManagement;
        settings["Authoring:BootstrapAdmin:Email"] = Stack.AdminEmail;
        settings["Authoring:BootstrapAdmin:Password"] = Stack.AdminPassword;
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    static Task<ServiceProcess> StartReaderFeedAsync(IReadOnlyDictionary<string, string?> settings) =>
        ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", settings);

    static Task<ServiceProcess> StartAuthoringAsync(IReadOnlyDictionary<string, string?> settings) =>
        ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", settings);

    /// <summary>Runs <c>dotnet NewsPlatform.Authoring.dll ARGS</c> as an operator would, with the service's settings.</summary>
    static async Task<(int ExitCode, string Output)> RunAuthoringCommandAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var dll = ProjectOutput.Assembly("services/Authoring", "NewsPlatform.Authoring");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    static async Task<HttpClient> SignInAsync(ServiceProcess authoring)
    {
        var response = await authoring.Client.PostAsJsonAsync("/api/auth/token", new { email = Stack.AdminEmail, password = Stack.AdminPassword });
        response.EnsureSuccessStatusCode();
        return Bearer(authoring, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!);
    }

    static HttpClient Bearer(ServiceProcess service, string token)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Imports archive texts, published under their original times, a few at a time as a migration script would.</summary>
    static async Task ImportAsync(HttpClient editor, IReadOnlyList<string> texts) =>
        await Parallel.ForEachAsync(texts, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (text, ct) =>
        {
            using var body = new StringContent(text, Encoding.UTF8, "text/plain");
            using var response = await editor.PostAsync("/api/authoring/import?publish=true", body, ct);
            Assert.True(response.StatusCode == HttpCreated, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        });

    const HttpStatusCode HttpCreated = HttpStatusCode.Created;

    /// <summary>Archive article number <paramref name="n"/> in the seed format: distinct headline, byline, time, section and body.</summary>
    static string ArchiveText(int n)
    {
        var random = new Random(n);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)]));
        string Sentence(int count) => char.ToUpperInvariant(Words(count)[0]) + Words(count)[1..] + ".";
        var published = new DateTime(2024, 1, 1, 6, 0, 0, DateTimeKind.Utc).AddMinutes(n * 47);
        var headline = $"{char.ToUpperInvariant(Words(1)[0])}{Words(5)[1..]} report {n}";
        var body = string.Join("\n\n", Enumerable.Range(0, 4).Select(_ => string.Join(' ', Enumerable.Range(0, 3).Select(_ => Sentence(12)))));
        return $"""
            {headline}

            Written by {Names[n % Names.Length]}

            {published.ToString("MMM.d - yyyy h:mm tt", System.Globalization.CultureInfo.InvariantCulture)} UTC

            {Sections[n % Sections.Length]}

            {Sentence(20)}

            {body}
            """;
    }

    static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "sta", "vor", "quel", "tan", "bri", "dus", "ne", "fo", "gal", "hu", "jin", "pra"];
    static readonly string[] Names = ["Camilla Jessen", "Ahmed Rahimi", "Sofia Lund", "Jonas Berg", "Maria Costa"];
    static readonly string[] Sections = ["News", "World", "Politics", "Business", "Sports", "Culture"];

    static async Task<Dictionary<string, string>> ReadModelsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(ViewsSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var views = new Dictionary<string, string>();
        while (await reader.ReadAsync()) views[reader.GetString(0)] = reader.GetString(1);
        return views;
    }

    static string PathOf(string viewJson) =>
        (string)JsonNode.Parse(viewJson)!.AsObject().First(p => p.Key.Equals("path", StringComparison.OrdinalIgnoreCase)).Value!;

    static async Task<List<string>> PagesAsync(ServiceProcess feed, IEnumerable<string> paths)
    {
        var pages = new List<string>();
        foreach (var path in paths) pages.Add(await feed.Client.GetStringAsync(path));
        return pages;
    }

    /// <summary>The sitemap index and every child sitemap it lists (one per month), in its order.</summary>
    static async Task<List<string>> SitemapAsync(ServiceProcess feed)
    {
        var index = await feed.Client.GetStringAsync("/sitemap.xml");
        var documents = new List<string> { index };
        foreach (var loc in Pages.Parse(index).QuerySelectorAll("sitemap > loc"))
            documents.Add(await feed.Client.GetStringAsync(new Uri(loc.TextContent.Trim()).PathAndQuery));
        return documents;
    }

    /// <summary>The article pages the child sitemaps list: /{section}/{slug}, not the home page or a section.</summary>
    static int ArticlesIn(List<string> sitemap) => sitemap.Skip(1)
        .Sum(child => Pages.Parse(child).QuerySelectorAll("url > loc").Count(loc => new Uri(loc.TextContent.Trim()).AbsolutePath.Trim('/').Split('/').Length == 2));

    static async Task BindBystanderAsync(string vhost)
    {
        using var http = Management();
        (await http.PutAsync($"api/queues/{vhost}/{Bystander}", Json("""{"durable":true}"""))).EnsureSuccessStatusCode();
        (await http.PostAsync($"api/bindings/{vhost}/e/{Uri.EscapeDataString(PublishedExchange)}/q/{Bystander}", Json("{}"))).EnsureSuccessStatusCode();
    }

    static Task WaitForDepthAsync(TestVirtualHost vhost, string queue, long depth) =>
        Eventually.MatchAsync(() => vhost.QueueDepthAsync(queue), d => d == depth, TimeSpan.FromMinutes(2), $"{depth} messages in {queue}");

    static HttpClient Management()
    {
        var http = new HttpClient { BaseAddress = new Uri(TestEnvironment.RabbitMqManagement.TrimEnd('/') + "/") };
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestEnvironment.RabbitMqUser}:{TestEnvironment.RabbitMqPassword}"));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        return http;
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
