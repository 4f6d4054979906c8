using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using NewsPlatform.Authoring.Tests.Import.Parsing;
using NewsPlatform.TestKit;
using Npgsql;

namespace NewsPlatform.Authoring.Tests.Import.Bulk;

/// <summary>
/// Authoring and ReaderFeed as real processes on real PostgreSQL and RabbitMQ: an uploaded archive's import is
/// killed with SIGKILL halfway and the service started again.
/// </summary>
public sealed partial class BulkImportProcessTests : IAsyncLifetime
{
    const int Articles = 3_000;
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly string _uploads = Directory.CreateTempSubdirectory("newsplatform-import-uploads-").FullName;
    TestInfrastructure _infrastructure = null!;

    [GeneratedRegex(@"<loc>https?://[^<]+?(/news/[^<]+)</loc>")]
    private static partial Regex ArticleUrl();

    public async Task InitializeAsync() => _infrastructure = await TestInfrastructure.CreateAsync();

    [Fact]
    public async Task An_import_killed_halfway_and_resumed_brings_in_every_article_once_and_lists_each_invalid_text()
    {
        var texts = Enumerable.Range(0, Articles)
            .Select(i => ($"archive/{i:D5}.txt", new SeedTextBuilder { Headline = $"Archive Story Number {i} From the Harbour" }.Build()))
            .ToList();
        // Three broken texts among them, each with the line and reason its failure must name.
        texts.Insert(100, ("archive/00100_no_byline.txt", new SeedTextBuilder { Byline = "Camilla Jessen" }.Build()));
        texts.Insert(1_500, ("archive/01500_new_york_time.txt", new SeedTextBuilder { Headline = "Broken Time", Time = "Jan.14 - 2025 1:36 PM EST" }.Build()));
        texts.Insert(2_900, ("archive/02900_unknown_section.txt", new SeedTextBuilder { Headline = "Broken Section", Section = "Gardening" }.Build()));
        var archive = Archives.TarGz(texts);

        await using var readerFeed = await ServiceProcess.StartAsync("services/ReaderFeed", "NewsPlatform.ReaderFeed", ReaderFeedSettings());
        var authoring = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", AuthoringSettings());
        Uri batch;
        try
        {
            using var upload = new ByteArrayContent(archive);
            upload.Headers.ContentType = new MediaTypeHeaderValue("application/gzip");
            var started = await Editor(authoring).PostAsync("/api/authoring/import/batches?publish=true&name=archive.tar.gz", upload);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            batch = started.Headers.Location!;
            Assert.Equal(Articles + 3, (await StatusAsync(authoring, batch)).Total);

            var halfway = await Eventually.MatchAsync(() => StatusAsync(authoring, batch), s => s.Done >= Articles / 3, TimeSpan.FromSeconds(60), "a third of the batch");
            await authoring.KillAsync();
            Assert.Equal("running", halfway.Status);
        }
        finally
        {
            await authoring.DisposeAsync();
        }
        var stored = await CountAsync("select count(*) from authoring.mt_streams");
        Assert.InRange(stored, Articles / 3, Articles - 1);

        await using var restarted = await ServiceProcess.StartAsync("services/Authoring", "NewsPlatform.Authoring", AuthoringSettings());
        var final = await Eventually.MatchAsync(() => StatusAsync(restarted, batch), s => s.Status == "completed", TimeSpan.FromSeconds(120), "the resumed batch to complete");

        // Every article once: none imported twice (nothing "already imported" — the resumed batch went on from where
        // its last commit left it), none missing, and exactly the three broken texts listed with their line and reason.
        Assert.Equal((Articles + 3, Articles, 0, 3, 0), (final.Total, final.Imported, final.AlreadyImported, final.Failed, final.Remaining));
        Assert.Equal(
            [
                new Failure("archive/00100_no_byline.txt", 3, "expected the byline \"Written by NAME\" (or \"Written by A and B\", \"Written by A, B and C\"); found \"Camilla Jessen\"."),
                new Failure("archive/01500_new_york_time.txt", 5, "expected a time zone abbreviation (CET, CEST, UTC, GMT); found \"EST\"."),
                new Failure("archive/02900_unknown_section.txt", 7, "expected a section of this newsroom (News, World, Politics, Business, Sports, Culture, Opinion); found \"Gardening\"."),
            ],
            final.Failures);
        var headlines = await HeadlinesAsync();
        Assert.Equal(Articles, headlines.Count);
        Assert.Equal(Enumerable.Range(0, Articles).Select(i => $"Archive Story Number {i} From the Harbour").Order(), headlines.Order());

        // On the site: every article's page once in the sitemap, and its page shows it.
        var urls = await Eventually.MatchAsync(SitemapArticlesAsync, u => u.Count >= Articles, TimeSpan.FromSeconds(180), $"{Articles} articles in the sitemap");
        Assert.Equal(Articles, urls.Count);
        Assert.Equal(Articles, urls.Distinct().Count());
        foreach (var i in new[] { 0, Articles / 2, Articles - 1 })
        {
            var page = await readerFeed.Client.GetStringAsync($"/news/archive-story-number-{i}-from-the-harbour");
            Assert.Contains($"Archive Story Number {i} From the Harbour", page);
        }

        async Task<List<string>> SitemapArticlesAsync()
        {
            // The sitemap is an index of child sitemaps (one per month): every article is in one of them.
            var index = await readerFeed.Client.GetStringAsync("/sitemap.xml");
            var urls = new List<string>();
            foreach (var child in Regex.Matches(index, "<loc>[^<]*(/sitemaps/[^<]+)</loc>").Select(m => m.Groups[1].Value))
                urls.AddRange(ArticleUrl().Matches(await readerFeed.Client.GetStringAsync(child)).Select(m => m.Groups[1].Value));
            return urls;
        }
    }

    Dictionary<string, string?> AuthoringSettings()
    {
        var settings = _infrastructure.Settings();
        settings["Authoring:Import:Folder"] = _uploads;
        // Small transactions: many commit points for the kill to fall between.
        settings["Authoring:Import:ChunkSize"] = "25";
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    Dictionary<string, string?> ReaderFeedSettings()
    {
        var settings = _infrastructure.Settings();
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    static HttpClient Editor(ServiceProcess service)
    {
        var client = new HttpClient { BaseAddress = service.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.For("editor", "archivist@newsplatform.test"));
        return client;
    }

    static async Task<BatchStatus> StatusAsync(ServiceProcess service, Uri batch) =>
        (await Editor(service).GetFromJsonAsync<BatchStatus>(batch, Json))!;

    async Task<long> CountAsync(string sql) => await _infrastructure.Database.CountAsync(sql);

    async Task<List<string>> HeadlinesAsync()
    {
        await using var connection = new NpgsqlConnection(_infrastructure.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select data -> 'Content' ->> 'Headline' from authoring.mt_doc_article", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var headlines = new List<string>();
        while (await reader.ReadAsync()) headlines.Add(reader.GetString(0));
        return headlines;
    }

    public async Task DisposeAsync()
    {
        await _infrastructure.DisposeAsync();
        Directory.Delete(_uploads, recursive: true);
    }

    sealed record BatchStatus(string Status, int Total, int Done, int Imported, int AlreadyImported, int Failed, int Remaining, List<Failure> Failures);

    sealed record Failure(string File, int Line, string Reason);
}
