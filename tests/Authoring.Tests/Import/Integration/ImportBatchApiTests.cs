using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Tests.Import.Bulk;
using NewsPlatform.Authoring.Tests.Import.Parsing;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

/// <summary><c>POST /api/authoring/import/batches</c> and its status resource, on the import host's real database and broker.</summary>
[Collection(ImportCollection.Name)]
public sealed class ImportBatchApiTests(ImportHost host)
{
    [Fact]
    public async Task An_uploaded_zip_is_imported_in_the_background_and_its_status_names_each_failed_text()
    {
        (string Name, string Text)[] texts =
        [
            ("batch/1.txt", new SeedTextBuilder { Headline = "Batch Story: The Harbour Tunnel" }.Build()),
            ("batch/2.txt", new SeedTextBuilder { Headline = "Batch Story: The New Metro Line" }.Build()),
            ("batch/3.txt", new SeedTextBuilder { Headline = "Batch Story: Headline " + new string('x', 200) }.Build()),
            ("batch/4.txt", new SeedTextBuilder { Headline = "Batch Story: A Late Ferry", PhotoLines = [] }.Build()),
        ];
        var zip = Archives.Zip(texts);

        var started = await host.Editor().PostAsync("/api/authoring/import/batches?publish=true&name=batch.zip", Body(zip, "application/zip"));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.Matches("^/api/authoring/import/batches/[0-9a-f-]{36}$", location);
        var accepted = await started.JsonAsync();
        Assert.Equal(("batch.zip", 4), (accepted.GetProperty("source").GetString(), accepted.GetProperty("total").GetInt32()));

        var done = await CompletedAsync(location);
        Assert.Equal((4, 3, 3, 0, 1, 0), Figures(done));
        var failure = Assert.Single(done.GetProperty("failures").EnumerateArray());
        Assert.Equal("batch/3.txt", failure.GetProperty("file").GetString());
        Assert.Equal(1, failure.GetProperty("line").GetInt32());
        Assert.StartsWith("headline: ", failure.GetProperty("reason").GetString());
        foreach (var (_, text) in texts.Where(t => t.Name != "batch/3.txt"))
        {
            var published = Assert.Single(await host.Events.WaitForAllAsync<ArticlePublishedV1>(ImportIds.ArticleId(text)));
            Assert.StartsWith("Batch Story: ", published.Article.Headline);
        }

        // The same archive again: every article is found already imported, nothing is written twice.
        var streams = await host.StreamCountAsync();
        var again = await host.Editor().PostAsync("/api/authoring/import/batches?publish=true", Body(zip, "application/zip"));
        var second = await CompletedAsync(again.Headers.Location!.OriginalString);
        Assert.Equal((4, 3, 0, 3, 1, 0), Figures(second));
        Assert.Equal(streams, await host.StreamCountAsync());
    }

    [Fact]
    public async Task An_ndjson_upload_names_each_failure_by_its_line_and_field()
    {
        var ndjson = string.Join('\n',
            """{"headline": "Ndjson Batch: Bridge Reopens", "authors": ["Camilla Jessen"], "published": "Jan.14 - 2025 1:36 PM CET", "section": "News", "lead": "The bridge reopened.", "body": ["Traffic moved again on Monday.", "It had been closed for a week."]}""",
            """{"headline": "Ndjson Batch: No Section", "authors": ["Camilla Jessen"], "published": "Jan.14 - 2025 1:36 PM CET", "section": "Gardening", "lead": "The lead.", "body": "The body."}""");

        var started = await host.Editor().PostAsync("/api/authoring/import/batches", Body(System.Text.Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson"));

        var done = await CompletedAsync(started.Headers.Location!.OriginalString);
        Assert.Equal((2, 1, 1, 0, 1, 0), Figures(done));
        var failure = Assert.Single(done.GetProperty("failures").EnumerateArray());
        Assert.Equal(("upload.ndjson", 2), (failure.GetProperty("file").GetString(), failure.GetProperty("line").GetInt32()));
        Assert.Equal("section: expected a section of this newsroom (News, World, Politics, Business, Sports, Culture, Opinion); found \"Gardening\".",
            failure.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("text/plain", "not an archive", HttpStatusCode.UnsupportedMediaType, "Unsupported media type")]
    [InlineData("application/zip", "not a zip at all", HttpStatusCode.BadRequest, "The archive cannot be read")]
    [InlineData("application/gzip", "not gzip either", HttpStatusCode.BadRequest, "The archive cannot be read")]
    [InlineData("application/x-ndjson", "\n  \n", HttpStatusCode.BadRequest, "The archive holds no article")]
    public async Task An_unreadable_upload_is_a_problem_and_starts_no_batch(string type, string body, HttpStatusCode status, string title)
    {
        var batches = await host.Infrastructure.Database.CountAsync("select count(*) from authoring.mt_doc_importbatch");

        var response = await host.Editor().PostAsync("/api/authoring/import/batches", Body(System.Text.Encoding.UTF8.GetBytes(body), type));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, (await response.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(batches, await host.Infrastructure.Database.CountAsync("select count(*) from authoring.mt_doc_importbatch"));
    }

    [Fact]
    public async Task Only_editors_start_batches_and_a_batch_is_seen_only_by_its_editor_and_admins()
    {
        var zip = Archives.Zip([("only.txt", new SeedTextBuilder { Headline = "Batch Story: Seen by Its Editor" }.Build())]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsync("/api/authoring/import/batches", Body(zip, "application/zip"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(TestTokens.For("writer", "writer@newsplatform.test"))
            .PostAsync("/api/authoring/import/batches", Body(zip, "application/zip"))).StatusCode);
        var started = await host.Editor().PostAsync("/api/authoring/import/batches", Body(zip, "application/zip"));
        var location = started.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.OK, (await host.Editor().GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(TestTokens.For("admin", "admin@newsplatform.test")).GetAsync(location)).StatusCode);
        var other = await host.Client(TestTokens.For("editor", "other.editor@newsplatform.test")).GetAsync(location);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Editor().GetAsync($"/api/authoring/import/batches/{Guid.NewGuid()}")).StatusCode);
        await CompletedAsync(location);
    }

    private static ByteArrayContent Body(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private Task<JsonElement> CompletedAsync(string location) => Eventually.MatchAsync(
        async () => await (await host.Editor().GetAsync(location)).JsonAsync(),
        s => s.GetProperty("status").GetString() == "completed", TimeSpan.FromSeconds(60), $"{location} to complete");

    private static (int Total, int Done, int Imported, int AlreadyImported, int Failed, int Remaining) Figures(JsonElement s) => (
        s.GetProperty("total").GetInt32(), s.GetProperty("done").GetInt32(), s.GetProperty("imported").GetInt32(),
        s.GetProperty("alreadyImported").GetInt32(), s.GetProperty("failed").GetInt32(), s.GetProperty("remaining").GetInt32());
}
