using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>Bad input answers 400 problem details naming the field, and nothing changes.</summary>
[Collection(AuthoringCollection.Name)]
public sealed class ValidationTests(AuthoringHost host)
{
    static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task An_unknown_field_is_refused_naming_it()
    {
        var response = await host.Writer().PostAsync(Api.Articles,
            Raw("""{"headline":"Hello","section":"News","subtitle":"not a field"}"""));

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("subtitle", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Malformed_json_is_refused_saying_where()
    {
        var response = await host.Writer().PostAsync(Api.Articles, Raw("""{"headline":"Hello", "section": }"""));

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.section", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_refused_naming_it()
    {
        var response = await host.Writer().PostAsync(Api.Articles, Raw("""{"headline":"Hello","section":"News","authors":"Camilla"}"""));

        Assert.Contains("$.authors", (string?)(await Api.ProblemAsync(response, HttpStatusCode.BadRequest))["detail"]);
    }

    [Fact]
    public async Task Limits_and_the_section_list_are_enforced_field_by_field()
    {
        var response = await host.Writer().PostAsJsonAsync(Api.Articles, new
        {
            headline = new string('h', 201),
            standfirst = new string('s', 601),
            body = "ok",
            section = "Gardening",
            authors = Enumerable.Range(0, 11).Select(i => $"Author {i}").ToArray(),
            tags = new[] { new string('t', 51) },
            slug = "Not A Slug",
        });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["headline", "standfirst", "section", "authors", "tags", "slug"], errors.Select(e => e.Key));
        Assert.Contains("News, World, Politics, Business, Sports, Culture, Opinion", (string?)errors["section"]![0]);
    }

    [Fact]
    public async Task A_missing_headline_or_section_is_named()
    {
        var response = await host.Writer().PostAsJsonAsync(Api.Articles, new { body = "Text only" });

        var errors = (await Api.ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal("A headline is required.", (string?)errors["headline"]![0]);
        Assert.StartsWith("A section is required", (string?)errors["section"]![0]);
    }

    [Fact]
    public async Task An_invalid_edit_changes_nothing()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));

        var response = await Api.PutAsync(editor, id, new { headline = "", body = new string('b', 100_001) }, "\"1\"");

        var errors = (await Api.ProblemAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject();
        Assert.Equal(["headline", "body"], errors.Select(e => e.Key));
        Assert.Equal(1, Api.Version(await Api.GetAsync(editor, id)));
    }

    [Fact]
    public async Task The_body_is_stored_exactly_as_written()
    {
        const string body = "  Line with <script>alert(1)</script> and *emphasis*\n\n> A quote\n\n    code\n";
        var article = await Api.CreateAsync(host.Writer(), new { headline = "Raw", section = "News", body });

        Assert.Equal(body, (string?)(await Api.GetAsync(host.Writer(), Api.Id(article)))["body"]);
    }

    [Fact]
    public async Task A_slug_already_used_in_the_section_is_refused_but_is_free_in_another()
    {
        var editor = host.Editor();
        await Api.CreateAsync(editor, new { headline = "Taken", section = "Sports", slug = "derby-day" });

        var clash = await editor.PostAsJsonAsync(Api.Articles, new { headline = "Also derby", section = "Sports", slug = "derby-day" });
        var elsewhere = await editor.PostAsJsonAsync(Api.Articles, new { headline = "Derby abroad", section = "World", slug = "derby-day" });

        Assert.Contains("already used in Sports", (string?)(await Api.ProblemAsync(clash, HttpStatusCode.Conflict))["detail"]);
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
    }

    [Fact]
    public async Task A_published_article_keeps_its_section()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.PublishedAsync(editor));

        var response = await Api.PutAsync(editor, id, new { section = "World" }, "\"2\"");

        Assert.Contains("part of its URL", (string?)(await Api.ProblemAsync(response, HttpStatusCode.Conflict))["detail"]);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_article_and_account_routes()
    {
        var document = await Api.JsonAsync(await host.Client().GetAsync("/openapi/authoring.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/authoring/articles/{id}", paths);
        Assert.Contains("/api/auth/token", paths);
    }
}
