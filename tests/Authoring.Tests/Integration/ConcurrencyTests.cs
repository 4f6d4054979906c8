using System.Net;
using System.Net.Http.Json;

namespace NewsPlatform.Authoring.Tests.Integration;

[Collection(AuthoringCollection.Name)]
public sealed class ConcurrencyTests(AuthoringHost host)
{
    [Fact]
    public async Task Fifty_concurrent_edits_from_one_version_save_exactly_one_and_refuse_the_rest_with_412()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Api.PutAsync(host.Editor(), id, new { headline = $"Edit number {i}" }, "\"1\"")));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await Api.JsonAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var current = await Api.GetAsync(editor, id);
        Assert.Equal(2, Api.Version(current));
        Assert.Equal((string?)winner["headline"], (string?)current["headline"]);
        var revisions = await Api.ArrayAsync(await editor.GetAsync($"{Api.Articles}/{id}/revisions"));
        Assert.Equal([1L, 2L], revisions.Select(r => (long)r!["version"]!));
        var refused = await Api.ProblemAsync(responses.First(r => r.StatusCode == HttpStatusCode.PreconditionFailed), HttpStatusCode.PreconditionFailed);
        Assert.Contains("changed since", (string?)refused["detail"]);
    }

    [Fact]
    public async Task Edits_in_turn_each_with_the_latest_etag_are_all_kept_with_contiguous_versions()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));

        string etag = "\"1\"";
        for (var i = 0; i < 5; i++)
        {
            var response = await Api.PutAsync(editor, id, new { body = $"Paragraph {i}" }, etag);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            etag = Api.ETag(response)!.Tag;
        }

        Assert.Equal("\"6\"", etag);
        var revisions = await Api.ArrayAsync(await editor.GetAsync($"{Api.Articles}/{id}/revisions"));
        Assert.Equal(Enumerable.Range(1, 6).Select(v => (long)v), revisions.Select(r => (long)r!["version"]!));
    }

    [Fact]
    public async Task An_edit_without_if_match_answers_428_and_a_stale_one_412_naming_the_current_version()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));
        Assert.Equal(HttpStatusCode.OK, (await Api.PutAsync(editor, id, new { headline = "First" }, "\"1\"")).StatusCode);

        var missing = await Api.ProblemAsync(await Api.PutAsync(editor, id, new { headline = "No etag" }, null), (HttpStatusCode)428);
        var stale = await Api.ProblemAsync(await Api.PutAsync(editor, id, new { headline = "Old tab" }, "\"1\""), HttpStatusCode.PreconditionFailed);
        var garbage = await Api.PutAsync(editor, id, new { headline = "Garbage" }, "\"abc\"");

        Assert.Contains("If-Match", (string?)missing["detail"]);
        Assert.Equal(2, (long)stale["currentVersion"]!);
        await Api.ProblemAsync(garbage, HttpStatusCode.BadRequest);
        Assert.Equal("First", (string?)(await Api.GetAsync(editor, id))["headline"]);
    }

    [Fact]
    public async Task A_workflow_step_with_a_stale_if_match_answers_412()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));
        await Api.PutAsync(editor, id, new { headline = "Moved on" }, "\"1\"");

        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api.Articles}/{id}/publish");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await Api.ProblemAsync(await editor.SendAsync(request), HttpStatusCode.PreconditionFailed);
        Assert.Equal("draft", (string?)(await Api.GetAsync(editor, id))["status"]);
    }

    [Fact]
    public async Task Articles_created_at_once_with_one_headline_get_distinct_slugs_in_their_section()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            host.Editor().PostAsJsonAsync(Api.Articles, Api.Draft("Ferry strike ends", "Business"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var slugs = new List<string>();
        foreach (var response in responses) slugs.Add((string)(await Api.JsonAsync(response))["slug"]!);
        Assert.Equal(10, slugs.Distinct().Count());
        Assert.Contains("ferry-strike-ends", slugs);
        Assert.All(slugs, s => Assert.Matches("^ferry-strike-ends(-[0-9]+)?$", s));
    }
}
