using System.Net;
using System.Net.Http.Headers;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Tests.Import.Parsing;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

/// <summary>
/// The import endpoint of an Authoring host whose newsroom is in America/New_York, over the import tests'
/// database: its archive texts print EST and EDT.
/// </summary>
[Collection(ImportCollection.Name)]
public sealed class NewYorkImportTests(ImportHost host) : IAsyncLifetime
{
    private readonly string _emptySeeds = Directory.CreateTempSubdirectory("newsplatform-ny-seeds-").FullName;
    private ImportHostFactory _factory = null!;

    public Task InitializeAsync()
    {
        var settings = host.Settings();
        settings["Newsroom:TimeZone"] = "America/New_York";
        settings[ImportSettings.SeedsPathKey] = _emptySeeds;
        _factory = new ImportHostFactory(settings);
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    private HttpClient Editor()
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", TestTokens.For("editor", "editor@newsplatform.test"));
        return client;
    }

    [Theory]
    [InlineData("New York: Winter Storm Shuts Schools", "Jan.14 - 2025 1:36 PM EST", "2025-01-14T18:36:00Z")]
    [InlineData("New York: Heat Wave Strains the Grid", "Jul.14 - 2025 1:36 PM EDT", "2025-07-14T17:36:00Z")]
    [InlineData("New York: Subway Runs Overnight After the Clocks Go Back", "Nov.2 - 2025 1:30 AM EST", "2025-11-02T06:30:00Z")]
    public async Task A_New_York_archive_text_is_published_at_the_instant_its_EST_or_EDT_time_names(string headline, string time, string utc)
    {
        var text = new SeedTextBuilder { Headline = headline, Time = time }.Build();
        var id = ImportIds.ArticleId(text);

        var response = await Editor().ImportAsync(text);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(DateTimeOffset.Parse(utc), (await response.JsonAsync()).GetProperty("publishedAt").GetDateTimeOffset());
        var published = Assert.Single(await host.Events.WaitForAllAsync<ArticlePublishedV1>(id)).Article;
        Assert.Equal(DateTimeOffset.Parse(utc), published.PublishedAt);
    }

    [Fact]
    public async Task A_New_York_archive_text_with_a_Copenhagen_abbreviation_is_a_problem_naming_it()
    {
        var text = new SeedTextBuilder { Headline = "New York: Mislabelled Wire Copy", Time = "Jan.14 - 2025 1:36 PM CET" }.Build();
        var events = await host.EventCountAsync();

        var response = await Editor().ImportAsync(text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(5, problem.GetProperty("line").GetInt32());
        Assert.Equal("a time zone abbreviation (EST, EDT, UTC, GMT)", problem.GetProperty("expected").GetString());
        Assert.Equal("\"CET\"", problem.GetProperty("found").GetString());
        Assert.Equal(events, await host.EventCountAsync());
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Directory.Delete(_emptySeeds, recursive: true);
    }
}
