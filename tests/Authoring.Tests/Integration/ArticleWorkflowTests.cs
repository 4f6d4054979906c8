using System.Net;
using System.Net.Http.Json;

namespace NewsPlatform.Authoring.Tests.Integration;

[Collection(AuthoringCollection.Name)]
public sealed class ArticleWorkflowTests(AuthoringHost host)
{
    [Fact]
    public async Task Creating_an_article_answers_201_with_location_etag_and_the_article()
    {
        var response = await host.Writer().PostAsJsonAsync(Api.Articles, Api.Draft("Søren Ærø opens the Øresund festival"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var article = await Api.JsonAsync(response);
        Assert.Equal($"/api/authoring/articles/{Api.Id(article)}", response.Headers.Location?.OriginalString);
        Assert.Equal(1, Api.Version(article));
        Assert.Equal("draft", (string?)article["status"]);
        Assert.Equal("soren-aero-opens-the-oresund-festival", (string?)article["slug"]);
        Assert.Equal("News", (string?)article["section"]);
        Assert.Equal("/news/soren-aero-opens-the-oresund-festival", (string?)article["url"]);
        Assert.Equal("Camilla Jessen", (string?)article["authors"]![0]);
        Assert.Equal("weather", (string?)article["tags"]![0]);
        Assert.Equal("writer@newsplatform.test", (string?)article["createdBy"]);
        Assert.Null(article["publishedAt"]);
        Assert.Empty(article["corrections"]!.AsArray());
    }

    [Fact]
    public async Task A_writer_drafts_and_submits_and_an_editor_approves_schedules_and_publishes()
    {
        var writer = host.Writer("camilla@newsplatform.test");
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(writer));

        Assert.Equal("inReview", (string?)(await Api.StepAsync(writer, id, "submit"))["status"]);
        Assert.Equal("approved", (string?)(await Api.StepAsync(editor, id, "approve"))["status"]);
        var publishAt = DateTimeOffset.UtcNow.AddHours(3);
        var scheduled = await Api.StepAsync(editor, id, "schedule", new { publishAt });
        Assert.Equal("scheduled", (string?)scheduled["status"]);
        Assert.Equal(publishAt.ToUnixTimeMilliseconds(), ((DateTimeOffset)scheduled["scheduledFor"]!).ToUnixTimeMilliseconds());
        Assert.Equal("approved", (string?)(await Api.StepAsync(editor, id, "unschedule"))["status"]);
        var published = await Api.StepAsync(editor, id, "publish");

        Assert.Equal("published", (string?)published["status"]);
        Assert.NotNull(published["publishedAt"]);
        Assert.Null(published["scheduledFor"]);
        Assert.Equal(6, Api.Version(published));
    }

    [Fact]
    public async Task A_refused_transition_answers_409_with_the_reason_and_changes_nothing()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor));

        var approve = await Api.ProblemAsync(await Api.PostAsync(editor, id, "approve"), HttpStatusCode.Conflict);
        var unpublish = await Api.ProblemAsync(await Api.PostAsync(editor, id, "unpublish", new { reason = "legal" }), HttpStatusCode.Conflict);

        Assert.Contains("must be submitted for review", (string?)approve["detail"]);
        Assert.Contains("only a published article can be unpublished", (string?)unpublish["detail"]);
        Assert.Equal(1, Api.Version(await Api.GetAsync(editor, id)));
    }

    [Fact]
    public async Task Publishing_without_body_or_author_is_refused_naming_what_is_missing()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.CreateAsync(editor, new { headline = "Just a headline", section = "sports" }));

        var problem = await Api.ProblemAsync(await Api.PostAsync(editor, id, "publish"), HttpStatusCode.Conflict);

        Assert.Contains("A body is required to publish.", (string?)problem["detail"]);
        Assert.NotNull(problem["errors"]!["body"]);
        Assert.NotNull(problem["errors"]!["authors"]);
    }

    [Fact]
    public async Task A_writer_cannot_edit_someone_elses_article_nor_an_approved_one()
    {
        var author = host.Writer("author@newsplatform.test");
        var id = Api.Id(await Api.CreateAsync(author));

        var other = await Api.PutAsync(host.Writer("other@newsplatform.test"), id, new { headline = "Mine now" }, "\"1\"");
        await Api.ProblemAsync(other, HttpStatusCode.Forbidden);
        await Api.StepAsync(author, id, "submit");
        await Api.StepAsync(host.Editor(), id, "approve");
        var late = await Api.PutAsync(author, id, new { headline = "One more change" }, "\"3\"");

        Assert.Contains("only an editor", (string?)(await Api.ProblemAsync(late, HttpStatusCode.Forbidden))["detail"]);
    }

    [Fact]
    public async Task A_correction_is_kept_with_its_note_and_moves_the_updated_time()
    {
        var editor = host.Editor();
        var id = Api.Id(await Api.PublishedAsync(editor));

        var corrected = await Api.StepAsync(editor, id, "corrections",
            new { note = "An earlier version gave the wrong day.", changes = new { body = "The bridge reopened on Wednesday." } });

        Assert.Equal("An earlier version gave the wrong day.", (string?)corrected["corrections"]![0]!["note"]);
        Assert.Equal("The bridge reopened on Wednesday.", (string?)corrected["body"]);
        Assert.NotNull(corrected["updatedAt"]);
        var withoutNote = await Api.PostAsync(editor, id, "corrections", new { note = " " });
        Assert.NotNull((await Api.ProblemAsync(withoutNote, HttpStatusCode.BadRequest))["errors"]!["note"]);
    }

    // The only test that writes to Opinion, so that the section's list is its own.
    [Fact]
    public async Task The_list_filters_by_status_and_section_and_pages_with_a_cursor()
    {
        var editor = host.Editor();
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++) ids.Add(Api.Id(await Api.CreateAsync(editor, Api.Draft($"Opinion piece {i}", "Opinion"))));
        await Api.StepAsync(editor, ids[0], "publish");

        var first = await Api.JsonAsync(await editor.GetAsync($"{Api.Articles}?section=opinion&status=draft&limit=3"));
        var second = await Api.JsonAsync(await editor.GetAsync($"{Api.Articles}?section=opinion&status=draft&limit=3&cursor={first["nextCursor"]}"));
        var published = await Api.JsonAsync(await editor.GetAsync($"{Api.Articles}?section=Opinion&status=published"));

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(a => a!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal(ids.Skip(1).Reverse(), listed);
        Assert.Null(second["nextCursor"]);
        Assert.Equal([ids[0]], published["items"]!.AsArray().Select(a => a!["id"]!.GetValue<Guid>()));
        await Api.ProblemAsync(await editor.GetAsync($"{Api.Articles}?status=lost"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_article_answers_404_to_every_read_and_command()
    {
        var editor = host.Editor();
        var id = Guid.NewGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"{Api.Articles}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"{Api.Articles}/{id}/revisions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"{Api.Articles}/{id}/audit")).StatusCode);
        await Api.ProblemAsync(await Api.PutAsync(editor, id, new { headline = "x" }, "\"1\""), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await Api.PostAsync(editor, id, "publish"), HttpStatusCode.NotFound);
    }
}
