using System.Net;
using System.Text.Json.Nodes;

namespace NewsPlatform.Authoring.Tests.Integration;

[Collection(AuthoringCollection.Name)]
public sealed class HistoryTests(AuthoringHost host)
{
    [Fact]
    public async Task Every_revision_is_exactly_what_get_returned_at_that_version()
    {
        var writer = host.Writer("history@newsplatform.test");
        var editor = host.Editor("desk@newsplatform.test");
        var seen = new Dictionary<long, string>();
        async Task See(Guid articleId)
        {
            var response = await editor.GetAsync($"{Api.Articles}/{articleId}");
            var article = await Api.JsonAsync(response);
            Assert.Equal($"\"{Api.Version(article)}\"", response.Headers.ETag?.Tag);
            seen[Api.Version(article)] = Api.Json(article);
        }

        var id = Api.Id(await Api.CreateAsync(writer));
        await See(id);
        await Api.PutAsync(writer, id, new { tags = new[] { "weather", "traffic" }, authors = new[] { "Camilla Jessen", "Søren Holm" } }, "\"1\"");
        await See(id);
        await Api.StepAsync(writer, id, "submit");
        await See(id);
        await Api.StepAsync(editor, id, "approve");
        await Api.StepAsync(editor, id, "publish");
        await See(id);
        await Api.PutAsync(editor, id, new { slug = "bridge-reopens", significant = true, standfirst = "Open again." }, "\"5\"");
        await See(id);
        await Api.StepAsync(editor, id, "corrections", new { note = "Fixed the day." });
        await See(id);
        await Api.StepAsync(editor, id, "unpublish", new { reason = "Duplicate story." });
        await See(id);

        foreach (var (version, json) in seen)
        {
            var response = await editor.GetAsync($"{Api.Articles}/{id}/revisions/{version}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(json, Api.Json(await Api.JsonAsync(response)));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"{Api.Articles}/{id}/revisions/99")).StatusCode);
        var atTwo = JsonNode.Parse(seen[2])!;
        Assert.Equal(["weather", "traffic"], atTwo["tags"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(["Camilla Jessen", "Søren Holm"], atTwo["authors"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public async Task The_revision_list_and_audit_trail_say_who_did_what_and_when()
    {
        var writer = host.Writer("audit-writer@newsplatform.test");
        var editor = host.Editor("audit-editor@newsplatform.test");
        var id = Api.Id(await Api.CreateAsync(writer));
        await Api.StepAsync(writer, id, "submit");
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Api.Articles}/{id}/approve");
        request.Headers.Add("X-Correlation-Id", "desk-meeting-42");
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(request)).StatusCode);

        var revisions = await Api.ArrayAsync(await editor.GetAsync($"{Api.Articles}/{id}/revisions"));
        var audit = await Api.ArrayAsync(await editor.GetAsync($"{Api.Articles}/{id}/audit"));

        Assert.Equal(["drafted", "submitted", "approved"], revisions.Select(r => (string)r!["event"]!));
        Assert.Equal(["audit-writer@newsplatform.test", "audit-writer@newsplatform.test", "audit-editor@newsplatform.test"],
            audit.Select(a => (string)a!["by"]!));
        Assert.Equal(["drafted", "submitted", "approved"], audit.Select(a => (string)a!["action"]!));
        Assert.Equal("desk-meeting-42", (string?)audit[2]!["correlationId"]);
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty((string?)a!["correlationId"])));
        Assert.All(audit, a => Assert.InRange((DateTimeOffset)a!["at"]!, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task The_diff_lists_each_changed_field_with_before_and_after()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));
        await Api.PutAsync(editor, id, new { headline = "Bridge reopens", tags = new[] { "weather", "roads" } }, "\"1\"");
        await Api.StepAsync(editor, id, "publish");

        var diff = await Api.JsonAsync(await editor.GetAsync($"{Api.Articles}/{id}/diff?from=1&to=3"));

        var changes = diff["changes"]!.AsArray().ToDictionary(c => (string)c!["field"]!, c => c!);
        Assert.Equal(["status", "headline", "tags", "publishedAt"], changes.Keys);
        Assert.Equal("Harbour bridge reopens after storm", (string?)changes["headline"]["before"]);
        Assert.Equal("Bridge reopens", (string?)changes["headline"]["after"]);
        Assert.Equal(["weather", "roads"], changes["tags"]["after"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("published", (string?)changes["status"]["after"]);
        await Api.ProblemAsync(await editor.GetAsync($"{Api.Articles}/{id}/diff?from=3&to=1"), HttpStatusCode.BadRequest);
    }
}
