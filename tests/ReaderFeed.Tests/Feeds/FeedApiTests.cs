using System.Net;
using System.Text.Json;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Feeds;

[Collection(ReaderFeedCollection.Name)]
public class FeedApiTests(ReaderFeedHost host)
{
    async Task<JsonElement> Json(string path)
    {
        var response = await host.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Articles_come_newest_first_with_the_fields_of_the_contract_and_a_cursor()
    {
        // Only this test publishes in Culture with this author.
        var author = "Ida Feed " + Guid.NewGuid().ToString("N")[..6];
        var authorSlug = NewsPlatform.ServiceDefaults.Newsroom.UrlSlug.From(author);
        var photo = Seed.Photo();
        var start = DateTimeOffset.Parse("2023-03-01T09:00:00Z");
        var articles = Enumerable.Range(0, 5)
            .Select(i => Seed.Article(section: "culture", headline: $"Review {i}", authors: [author], publishedAt: start.AddHours(i),
                heroMediaId: i == 4 ? photo.MediaId : null))
            .ToList();
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        foreach (var a in articles) await host.PublishAndWaitAsync(Seed.Published(a));

        var first = await Json($"/api/feed/articles?author={authorSlug}&limit=2");
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Review 4", "Review 3"], items.Select(i => i.GetProperty("headline").GetString()));
        var item = items[0];
        Assert.Equal(articles[4].ArticleId, item.GetProperty("id").GetGuid());
        Assert.Equal(articles[4].Slug, item.GetProperty("slug").GetString());
        Assert.Equal("culture", item.GetProperty("section").GetString());
        Assert.Equal($"/culture/{articles[4].Slug}", item.GetProperty("url").GetString());
        Assert.Equal(Seed.Standfirst, item.GetProperty("standfirst").GetString());
        Assert.Equal([author], item.GetProperty("authors").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2023-03-01T13:00:00Z", item.GetProperty("publishedAt").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("updatedAt").ValueKind);
        var hero = item.GetProperty("heroImage");
        Assert.Equal($"/media/{photo.MediaId}/1024.jpg", hero.GetProperty("url").GetString());
        Assert.Equal(Seed.Credit, hero.GetProperty("credit").GetString());
        Assert.Equal("Soldiers in the Kursk region.", hero.GetProperty("caption").GetString());
        Assert.Equal("Soldiers walking along a snowy road", hero.GetProperty("alt").GetString());
        Assert.Contains("640w", hero.GetProperty("srcset").GetString());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("heroImage").ValueKind);

        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await Json($"/api/feed/articles?author={authorSlug}&limit=2&cursor={cursor}");
        Assert.Equal(["Review 2", "Review 1"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("headline").GetString()));
        var third = await Json($"/api/feed/articles?author={authorSlug}&limit=2&cursor={second.GetProperty("nextCursor").GetString()}");
        Assert.Equal(["Review 0"], third.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("headline").GetString()));
        Assert.Equal(JsonValueKind.Null, third.GetProperty("nextCursor").ValueKind);

        var culture = await Json("/api/feed/articles?section=culture&limit=100");
        Assert.All(culture.GetProperty("items").EnumerateArray(), i => Assert.Equal("culture", i.GetProperty("section").GetString()));
    }

    [Fact]
    public async Task One_article_comes_with_its_sanitised_body_and_corrections()
    {
        var article = Seed.Article(body: Seed.Body + "\n\n<script>alert('x')</script>");
        await host.PublishAndWaitAsync(Seed.Published(article));
        await host.PublishAndWaitAsync(Seed.Corrected(article, 2, "Fixed a name.", Seed.PublishedAt.AddHours(3)));

        var json = await TestKit.Eventually.MatchAsync(() => Json($"/api/feed/articles/{article.ArticleId}"),
            j => j.GetProperty("corrections").GetArrayLength() == 1, TimeSpan.FromSeconds(15), "the correction");
        var body = json.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<h2>First North Korean Soldiers Captured</h2>", body);
        Assert.Contains("<blockquote>", body);
        Assert.DoesNotContain("<script", body);
        var correction = json.GetProperty("corrections")[0];
        Assert.Equal("Fixed a name.", correction.GetProperty("note").GetString());
        Assert.Equal("2025-01-14T15:36:00Z", correction.GetProperty("at").GetString());
        Assert.Equal("2025-01-14T15:36:00Z", json.GetProperty("updatedAt").GetString());

        var missing = await host.Client.GetAsync($"/api/feed/articles/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Search_as_json_returns_ranked_items_with_highlighted_snippets()
    {
        var word = "lighthouse" + Guid.NewGuid().ToString("N")[..6];
        var article = Seed.Article(headline: $"A {word} keeper retires", body: $"The {word} on Anholt has a new keeper.");
        await host.PublishAndWaitAsync(Seed.Published(article));

        var json = await Json($"/api/feed/search?q={word}");
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(article.ArticleId, item.GetProperty("id").GetGuid());
        Assert.Contains($"<mark>{word}</mark>", item.GetProperty("snippet").GetString());
        Assert.Contains($"<mark>{word}</mark>", item.GetProperty("headlineHtml").GetString());
        Assert.True(item.GetProperty("rank").GetDouble() > 0);
        Assert.Equal($"/news/{article.Slug}", item.GetProperty("url").GetString());
    }

    [Theory]
    [InlineData("/api/feed/articles?limit=0", "limit")]
    [InlineData("/api/feed/articles?limit=101", "limit")]
    [InlineData("/api/feed/articles?limit=ten", "limit")]
    [InlineData("/api/feed/articles?cursor=bogus", "cursor")]
    [InlineData("/api/feed/articles?section=No%20Such", "section")]
    [InlineData("/api/feed/articles?author=%3Cscript%3E", "author")]
    [InlineData("/api/feed/search", "q")]
    [InlineData("/api/feed/search?q=%20%20", "q")]
    public async Task Bad_input_is_a_problem_that_names_what_was_wrong(string path, string field)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains(field, problem.GetProperty("detail").GetString());
    }
}
