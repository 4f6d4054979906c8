using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Tests.Import.Parsing;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

[Collection(ImportCollection.Name)]
public sealed class ImportEndpointTests(ImportHost host)
{
    private static readonly DateTimeOffset SeedTime = DateTimeOffset.Parse("2025-01-14T12:36:00Z");

    [Fact]
    public async Task The_seed_imported_by_an_editor_is_published_under_its_original_time_and_announced()
    {
        var seedId = ImportIds.ArticleId(TestTexts.Seed);

        var response = await host.Editor().ImportAsync(TestTexts.Seed);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/authoring/articles/{seedId}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"3\"", response.Headers.ETag?.Tag);
        var article = await response.JsonAsync();
        Assert.Equal(seedId, article.GetProperty("id").GetGuid());
        Assert.Equal("published", article.GetProperty("status").GetString());
        Assert.Equal("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", article.GetProperty("headline").GetString());
        Assert.Equal(["Camilla Jessen"], article.GetProperty("authors").Strings());
        Assert.Equal("News", article.GetProperty("section").GetString());
        Assert.Equal(SeedTime, article.GetProperty("publishedAt").GetDateTimeOffset());
        Assert.Equal("Stefan Bruder / Shutterstock.com", article.GetProperty("heroCredit").GetString());
        Assert.Contains("## First North Korean Soldiers Captured", article.GetProperty("body").GetString());
        var stored = await host.Editor().GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(article.GetProperty("body").GetString(), (await stored.JsonAsync()).GetProperty("body").GetString());

        var published = Assert.Single(await host.Events.WaitForAllAsync<ArticlePublishedV1>(seedId)).Article;
        Assert.Equal(seedId, published.ArticleId);
        Assert.Equal("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", published.Headline);
        Assert.Equal(["Camilla Jessen"], published.Authors);
        Assert.Equal("news", published.Section);
        Assert.Equal(SeedTime, published.PublishedAt);
        Assert.Equal(
            "North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk being captured.",
            published.Standfirst);
        Assert.Contains("## Putin’s Growing Dependence on North Korea", published.Body);
        Assert.Contains("“Russian and North Korean forces often execute their own wounded", published.Body);
        Assert.DoesNotContain("Trending", published.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(article.GetProperty("slug").GetString(), published.Slug);

        var credit = Assert.Single(await host.Events.WaitForAllAsync<HeroCreditImportedV1>(seedId));
        Assert.Equal("Stefan Bruder / Shutterstock.com", credit.Credit);
        Assert.Equal(published.HeroMediaId, credit.MediaId);
        Assert.Equal(article.GetProperty("heroMediaId").GetGuid(), credit.MediaId);
    }

    [Fact]
    public async Task Importing_the_same_text_again_returns_the_article_and_writes_nothing()
    {
        var text = new SeedTextBuilder { Headline = "Copenhagen Metro Extends Night Service" }.Build();
        var first = await host.Editor().ImportAsync(text);
        var events = await host.EventCountAsync();

        var again = await host.Editor().ImportAsync(text);
        var windows = await host.Editor().ImportAsync("\uFEFF" + text.Replace("\n", "\r\n"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, windows.StatusCode);
        var id = (await first.JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await again.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(id, (await windows.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(events, await host.EventCountAsync());
        Assert.Equal(1, await host.Infrastructure.Database.CountAsync(
            "select count(*) from authoring.mt_doc_article where data->>'Content' like '%Copenhagen Metro Extends Night Service%'"));
    }

    [Fact]
    public async Task Two_simultaneous_imports_of_one_text_create_one_article()
    {
        var text = new SeedTextBuilder { Headline = "Ferry Strike Ends After Two Days" }.Build();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Editor().ImportAsync(text)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, await host.Infrastructure.Database.CountAsync(
            $"select count(*) from authoring.mt_events where stream_id = '{ImportIds.ArticleId(text)}'"));
    }

    [Fact]
    public async Task Without_publish_the_text_becomes_a_draft_which_a_publishing_import_does_not_change()
    {
        var text = new SeedTextBuilder { Headline = "Draft About the Harbour Tunnel" }.Build();

        var draft = await host.Editor().ImportAsync(text, publish: false);
        var publishAttempt = await host.Editor().ImportAsync(text, publish: true);
        var draftAgain = await host.Editor().ImportAsync(text, publish: false);

        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var article = await draft.JsonAsync();
        Assert.Equal("draft", article.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, article.GetProperty("publishedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, publishAttempt.StatusCode);
        var conflict = await publishAttempt.JsonAsync();
        Assert.Contains("imported before", conflict.GetProperty("detail").GetString());
        Assert.Equal("draft", conflict.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, draftAgain.StatusCode);
        Assert.Equal("draft", (await draftAgain.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_text_dated_in_the_future_is_scheduled_for_that_time()
    {
        var text = new SeedTextBuilder { Headline = "Embargoed: Budget Day", Time = "Oct.6 - 2099 9:00 AM CEST" }.Build();

        var response = await host.Editor().ImportAsync(text);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await response.JsonAsync();
        Assert.Equal("scheduled", article.GetProperty("status").GetString());
        Assert.Equal(DateTimeOffset.Parse("2099-10-06T07:00:00Z"), article.GetProperty("scheduledFor").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.OK, (await host.Editor().ImportAsync(text)).StatusCode);
    }

    [Fact]
    public async Task A_writer_is_forbidden_and_an_anonymous_caller_unauthenticated_and_nothing_is_written()
    {
        var text = new SeedTextBuilder { Headline = "Writers Cannot Import Archives" }.Build();
        var events = await host.EventCountAsync();

        var writer = await host.Client(TestTokens.For("writer")).ImportAsync(text);
        var anonymous = await host.Client().ImportAsync(text);
        var expired = await host.Client(TestTokens.Expired("editor")).ImportAsync(text);

        Assert.Equal(HttpStatusCode.Forbidden, writer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal(events, await host.EventCountAsync());
    }

    [Fact]
    public async Task A_malformed_text_is_a_problem_naming_the_line_and_what_was_expected_and_changes_nothing()
    {
        var text = new SeedTextBuilder { Time = "Jul.14 - 2025 1:36 PM CET" }.Build();
        var events = await host.EventCountAsync();
        var streams = await host.StreamCountAsync();

        var response = await host.Editor().ImportAsync(text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(5, problem.GetProperty("line").GetInt32());
        Assert.Equal("CEST (UTC+02:00), the zone Europe/Copenhagen was on at that time", problem.GetProperty("expected").GetString());
        Assert.Equal("\"CET\"", problem.GetProperty("found").GetString());
        Assert.Equal("Line 5: expected CEST (UTC+02:00), the zone Europe/Copenhagen was on at that time; found \"CET\".",
            problem.GetProperty("detail").GetString());
        Assert.Equal(events, await host.EventCountAsync());
        Assert.Equal(streams, await host.StreamCountAsync());
    }

    [Fact]
    public async Task A_section_the_newsroom_does_not_have_is_refused_at_its_line()
    {
        var text = new SeedTextBuilder { Section = "Gardening" }.Build();
        var events = await host.EventCountAsync();

        var response = await host.Editor().ImportAsync(text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal(7, problem.GetProperty("line").GetInt32());
        Assert.StartsWith("Line 7: expected a section of this newsroom (News, World, Politics, Business, Sports, Culture, Opinion)",
            problem.GetProperty("detail").GetString());
        Assert.Equal(events, await host.EventCountAsync());
    }

    [Fact]
    public async Task A_headline_over_the_newsroom_limit_is_refused_naming_its_line()
    {
        var text = new SeedTextBuilder { Headline = string.Join(' ', Enumerable.Repeat("Very", 50)) + " Long Headline" }.Build();

        var response = await host.Editor().ImportAsync(text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("Line 1 (headline): At most 200 characters.", Assert.Single(problem.GetProperty("errors").GetProperty("headline").Strings()));
    }

    [Fact]
    public async Task Bodies_that_are_not_UTF_8_plain_text_or_are_too_large_are_refused()
    {
        var text = new SeedTextBuilder { Headline = "Only Plain Text Is Imported" }.Build();
        var events = await host.EventCountAsync();
        var json = new StringContent("{\"headline\":\"x\"}", Encoding.UTF8, "application/json");
        var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes(text.Replace("Camilla Jessen", "Søren Ørsted")));
        latin1.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var huge = new StringContent(text + new string('x', 1024 * 1024), Encoding.UTF8, "text/plain");

        var asJson = await host.Editor().PostAsync("/api/authoring/import", json);
        var notUtf8 = await host.Editor().PostAsync("/api/authoring/import", latin1);
        var tooLarge = await host.Editor().PostAsync("/api/authoring/import", huge);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, asJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notUtf8.StatusCode);
        Assert.Contains("not valid UTF-8", (await notUtf8.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(events, await host.EventCountAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_import_and_its_answers()
    {
        var document = await (await host.Client().GetAsync("/openapi/authoring.json")).JsonAsync();

        var import = document.GetProperty("paths").GetProperty("/api/authoring/import").GetProperty("post");
        Assert.True(import.GetProperty("requestBody").GetProperty("content").TryGetProperty("text/plain", out _));
        Assert.Contains("409 Conflict", import.GetProperty("description").GetString());
        Assert.Equal("publish", Assert.Single(import.GetProperty("parameters").EnumerateArray()).GetProperty("name").GetString());
    }
}
