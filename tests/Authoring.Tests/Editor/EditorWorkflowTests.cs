using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsPlatform.Authoring.Tests.Editor;

/// <summary>The workflow buttons a writer and an editor get, and what each step shows, in Chromium.</summary>
[Collection(EditorCollection.Name)]
public sealed class EditorWorkflowTests(EditorHost host)
{
    [Fact]
    public async Task A_writer_submits_and_an_editor_approves_schedules_publishes_corrects_and_unpublishes()
    {
        var writerEmail = $"ida.berg.{Guid.NewGuid():N}@newsplatform.test";
        var writerPassword = "Writer-" + Guid.NewGuid().ToString("N");
        await host.CreateUserAsync(writerEmail, "Ida Berg", writerPassword, "writer");
        var headline = $"Ferry strike ends after talks {Guid.NewGuid().ToString("N")[..6]}";

        // The writer drafts and submits; publishing is not theirs to do.
        await using var writer = await EditorSession.SignInAsync(host, writerEmail, writerPassword);
        await writer.Page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await writer.Field("Headline").FillAsync(headline);
        await writer.Field("Body").FillAsync("The strike ended on Thursday.");
        await writer.Field("Section").SelectOptionAsync("Business");
        await writer.Field("Authors").FillAsync("Ida Berg");
        await writer.Button("Save").ClickAsync();
        await Expect(writer.Text("Version 1")).ToBeVisibleAsync();
        await Expect(writer.Button("Publish")).ToBeHiddenAsync();
        await Expect(writer.Button("Schedule…")).ToBeHiddenAsync();
        await writer.Button("Submit for review").ClickAsync();
        await Expect(writer.Text("In review")).ToBeVisibleAsync();
        await Expect(writer.Button("Submit for review")).ToBeHiddenAsync();

        // The editor takes it through every step.
        await using var editor = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        var page = editor.Page;
        await editor.OpenFromListAsync("In review", headline);
        await editor.Button("Approve").ClickAsync();
        await Expect(editor.Text("Approved")).ToBeVisibleAsync();

        await editor.Button("Schedule…").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Schedule publication" });
        var nextYear = DateTime.UtcNow.Year + 1;
        await dialog.GetByLabel("Publish at").FillAsync($"{nextYear}-03-01T09:30");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(editor.Text("Scheduled")).ToBeVisibleAsync();
        // 09:30 in Copenhagen in March is CET.
        await Expect(editor.Text($"Publishes 1 Mar {nextYear}, 09:30 CET")).ToBeVisibleAsync();

        await editor.Button("Unschedule").ClickAsync();
        await Expect(editor.Text("Approved")).ToBeVisibleAsync();
        await editor.Button("Publish").ClickAsync();
        await Expect(editor.Text("Published")).ToBeVisibleAsync();

        await editor.Field("Body").FillAsync("The strike ended on Friday.");
        await editor.Button("Add correction…").ClickAsync();
        var correction = page.GetByRole(AriaRole.Dialog, new() { Name = "Add a correction" });
        await correction.GetByLabel("Correction note").FillAsync("An earlier version gave the wrong day.");
        await Expect(correction.GetByLabel("Publish my unsaved edits to the text with this correction")).ToBeCheckedAsync();
        await correction.GetByRole(AriaRole.Button, new() { Name = "Publish correction" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Corrections" })).ToContainTextAsync("An earlier version gave the wrong day.");
        await Expect(editor.Field("Body")).ToHaveValueAsync("The strike ended on Friday.");
        await Expect(editor.Text("All changes saved")).ToBeVisibleAsync();

        await editor.Button("Unpublish…").ClickAsync();
        var unpublish = page.GetByRole(AriaRole.Dialog, new() { Name = "Unpublish this article" });
        await unpublish.GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();
        await Expect(unpublish.GetByRole(AriaRole.Alert)).ToContainTextAsync("Say why the article is taken down");
        await unpublish.GetByLabel("Reason", new() { Exact = true }).FillAsync("Legal request from the ferry company.");
        await unpublish.GetByRole(AriaRole.Button, new() { Name = "Unpublish" }).ClickAsync();
        await Expect(editor.Text("Unpublished")).ToBeVisibleAsync();
        await Expect(editor.Text("Taken down: Legal request from the ferry company.")).ToBeVisibleAsync();
        await editor.ScreenshotAsync("editor-unpublished.png");

        // Out of review, the article is no longer the writer's to change.
        await writer.Page.ReloadAsync();
        await Expect(writer.Page.GetByText("your role cannot change it")).ToBeVisibleAsync();
        await Expect(writer.Button("Save")).ToBeHiddenAsync();
        await Expect(writer.Field("Headline")).ToBeDisabledAsync();

        Assert.Empty(writer.Problems);
        Assert.Empty(editor.Problems);
    }

    [Fact]
    public async Task A_refused_step_shows_the_reason_the_newsroom_gives()
    {
        await using var editor = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        await editor.Page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await editor.Field("Headline").FillAsync("Draft without a body or an author");
        await editor.Field("Section").SelectOptionAsync("World");
        await editor.Button("Save").ClickAsync();
        await Expect(editor.Text("Version 1")).ToBeVisibleAsync();

        await editor.Button("Publish").ClickAsync();

        var error = editor.Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Publishing did not go through" });
        await Expect(error).ToContainTextAsync("A body is required to publish.");
        await Expect(error).ToContainTextAsync("At least one author is required to publish.");
        await Expect(editor.Text("Draft")).ToBeVisibleAsync();
    }
}
