using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsPlatform.Authoring.Tests.Editor;

/// <summary>The editor in Chromium against the real service, checked by what a person sees.</summary>
[Collection(EditorCollection.Name)]
public sealed class EditorBrowserTests(EditorHost host)
{
    [Fact]
    public async Task Sign_in_write_publish_and_when_a_second_session_saved_first_the_first_is_told_and_nothing_is_overwritten()
    {
        const string secondEmail = "mads.holm@newsplatform.test";
        var secondPassword = "Desk-" + Guid.NewGuid().ToString("N");
        await host.CreateUserAsync(secondEmail, "Mads Holm", secondPassword, "editor");
        var headline = $"Harbour bridge reopens after repairs {Guid.NewGuid().ToString("N")[..6]}";

        // The first editor writes and publishes.
        await using var first = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        var page = first.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New article" })).ToBeVisibleAsync();
        await first.Field("Headline").FillAsync(headline);
        await first.Field("Standfirst").FillAsync("Traffic is flowing again across the harbour after two months.");
        await first.Field("Body").FillAsync("## What happened\n\nThe bridge reopened at **noon**.\n\n> “It is good to have it back,” said the mayor.");
        await first.Field("Section").SelectOptionAsync("News");
        await first.Field("Authors").FillAsync("Camilla Jessen");
        await first.Field("Tags").FillAsync("traffic, harbour");

        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "What happened" })).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("Written by Camilla Jessen");

        await first.Button("Save").ClickAsync();
        await Expect(page.GetByText("Article created.")).ToBeVisibleAsync();
        await Expect(first.Text("Version 1")).ToBeVisibleAsync();
        await Expect(first.Text("Draft")).ToBeVisibleAsync();

        await first.Button("Publish").ClickAsync();
        await Expect(first.Text("Published.")).ToBeVisibleAsync();
        await Expect(first.Text("Published")).ToBeVisibleAsync();
        await Expect(first.Button("Unpublish…")).ToBeVisibleAsync();
        await Expect(first.Button("Add correction…")).ToBeVisibleAsync();
        await Expect(first.Button("Publish")).ToBeHiddenAsync();

        // A second editor, in another browser session, opens the same article and saves first.
        await using var second = await EditorSession.SignInAsync(host, secondEmail, secondPassword);
        await second.OpenFromListAsync("Published", headline);
        var theirHeadline = headline.Replace("after repairs", "after two months of repairs");
        await second.Field("Headline").FillAsync(theirHeadline);
        await second.Button("Save").ClickAsync();
        await Expect(second.Page.GetByText("Saved as version")).ToBeVisibleAsync();

        // The first editor, still on the older version, saves: refused, told why, offered their version.
        await first.Field("Standfirst").FillAsync("Traffic flows again.");
        await first.Button("Save").ClickAsync();
        var conflict = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else saved this article first" });
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync("nothing was overwritten");
        await Expect(conflict).ToContainTextAsync(secondEmail);
        await Expect(conflict.GetByRole(AriaRole.Button, new() { Name = "Reload their version" })).ToBeVisibleAsync();
        await first.ScreenshotAsync("editor-conflict.png");

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Reload their version" }).ClickAsync();
        await Expect(first.Field("Headline")).ToHaveValueAsync(theirHeadline);
        await Expect(first.Field("Standfirst")).ToHaveValueAsync("Traffic is flowing again across the harbour after two months.");
        await Expect(page.GetByText("Your unsaved text from before the reload")).ToBeVisibleAsync();
        await first.ScreenshotAsync("editor-reloaded.png");

        // The second editor's save survived: they reload and still see their headline.
        await second.Page.ReloadAsync();
        await Expect(second.Field("Headline")).ToHaveValueAsync(theirHeadline);

        Assert.Empty(first.Problems);
        Assert.Empty(second.Problems);
    }

    [Fact]
    public async Task Coming_back_to_the_tab_after_someone_else_saved_offers_their_version_before_any_work_is_lost()
    {
        var headline = $"Wind farm approved {Guid.NewGuid().ToString("N")[..6]}";
        await using var first = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        await first.Page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await first.Field("Headline").FillAsync(headline);
        await first.Field("Section").SelectOptionAsync("Business");
        await first.Button("Save").ClickAsync();
        await Expect(first.Text("Version 1")).ToBeVisibleAsync();

        await using var second = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        await second.OpenFromListAsync("Drafts", headline);
        await second.Field("Standfirst").FillAsync("Forty turbines off the west coast.");
        await second.Button("Save").ClickAsync();
        await Expect(second.Page.GetByText("Saved as version 2.")).ToBeVisibleAsync();

        // The first person returns to their tab.
        await first.Page.EvaluateAsync("() => document.dispatchEvent(new Event('visibilitychange'))");
        var notice = first.Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "version 2 was saved by" });
        await Expect(notice).ToBeVisibleAsync();
        await notice.GetByRole(AriaRole.Button, new() { Name = "Load version 2" }).ClickAsync();
        await Expect(first.Field("Standfirst")).ToHaveValueAsync("Forty turbines off the west coast.");
        await Expect(first.Text("Version 2")).ToBeVisibleAsync();

        Assert.Empty(first.Problems);
        Assert.Empty(second.Problems);
    }

    [Fact]
    public async Task The_history_shows_each_version_and_marks_what_changed_word_by_word()
    {
        await using var session = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        var page = session.Page;
        var headline = $"Council approves budget {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await session.Field("Headline").FillAsync(headline);
        await session.Field("Body").FillAsync("The council met on Monday.");
        await session.Field("Section").SelectOptionAsync("Politics");
        await session.Field("Authors").FillAsync("Camilla Jessen");
        await session.Button("Save").ClickAsync();
        await Expect(session.Text("Version 1")).ToBeVisibleAsync();

        await session.Field("Body").FillAsync("The council met late on Tuesday.");
        await session.Field("Authors").FillAsync("Camilla Jessen, Mads Holm");
        await session.Button("Save").ClickAsync();
        await Expect(session.Text("Version 2")).ToBeVisibleAsync();

        await session.Button("History").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"History of “{headline}”" })).ToBeVisibleAsync();
        var comparison = page.GetByRole(AriaRole.Region, new() { Name = "Compare versions" });
        await Expect(comparison).ToContainTextAsync("changed from version 1 to version 2");
        await Expect(comparison.Locator("del")).ToContainTextAsync(["Monday."]);
        await Expect(comparison.Locator("ins")).ToContainTextAsync(["late", "Tuesday."]);
        await Expect(comparison.Locator("ins", new() { HasText = "Mads Holm" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "As it was at version 2" })).ToContainTextAsync("Camilla Jessen, Mads Holm");
        await session.ScreenshotAsync("editor-history.png");

        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task The_preview_shows_the_text_but_never_runs_script_written_into_the_body()
    {
        await using var session = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        var page = session.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await session.Field("Headline").FillAsync("<img src=x onerror=alert('headline')>");
        await session.Field("Body").FillAsync(
            "Safe words stay.\n\n<script>alert('script')</script>\n\n<img src=\"/nope\" onerror=\"alert('img')\">\n\n[Tap here](javascript:alert('link'))");

        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Expect(preview).ToContainTextAsync("Safe words stay.");
        await Expect(preview.GetByText("Tap here")).ToBeVisibleAsync();
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "<img src=x onerror=alert('headline')>" })).ToBeVisibleAsync();
        await preview.GetByText("Tap here").ClickAsync();

        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task When_the_preview_is_out_of_reach_the_editor_says_so_shows_no_other_rendering_and_recovers()
    {
        await using var session = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        var page = session.Page;
        // As through a proxy that routes only GET under /editor.
        var reachable = false;
        await page.RouteAsync("**/editor/api/preview", route => reachable ? route.ContinueAsync() : route.FulfillAsync(new() { Status = 405 }));
        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await session.Field("Body").FillAsync("## Kursk\n\nSafe **words** stay.\n\n<img src=x onerror=alert('img')>");

        var preview = page.GetByRole(AriaRole.Region, new() { Name = "Preview" });
        await Expect(preview).ToContainTextAsync("The preview is not available right now");
        await Expect(preview).ToContainTextAsync("you can keep writing and save as usual");
        await Expect(preview).Not.ToContainTextAsync("405");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Kursk" })).ToHaveCountAsync(0);
        await Expect(preview).Not.ToContainTextAsync("Safe words stay.");
        await session.ScreenshotAsync("editor-preview-unavailable.png");

        // Once it answers again, the next change of the body shows it as readers will get it.
        reachable = true;
        await session.Field("Body").FillAsync("## Kursk\n\nSafe **words** stay, and more.");
        await Expect(preview.GetByRole(AriaRole.Heading, new() { Name = "Kursk" })).ToBeVisibleAsync();
        await Expect(preview).ToContainTextAsync("Safe words stay, and more.");
        await Expect(preview).Not.ToContainTextAsync("The preview is not available right now");

        Assert.Empty(session.Problems);
    }

    [Fact]
    public async Task Without_the_media_service_an_image_upload_says_so_and_the_article_still_saves()
    {
        await using var session = await EditorSession.SignInAsync(host, EditorHost.AdminEmail, host.AdminPassword);
        var page = session.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).First.ClickAsync();
        await session.Field("Headline").FillAsync("Storm warning for the west coast");
        await session.Field("Section").SelectOptionAsync("News");
        await session.Field("Image file").SetInputFilesAsync(new FilePayload { Name = "storm.png", MimeType = "image/png", Buffer = OnePixelPng });
        await session.Field("Credit").FillAsync("Photo: Stefan Bruder / Shutterstock.com");
        await session.Field("Alt text").FillAsync("Waves breaking over a pier");
        await session.Button("Upload image").ClickAsync();

        await Expect(page.GetByText("Image upload is not available right now")).ToBeVisibleAsync();
        await session.Button("Save").ClickAsync();
        await Expect(page.GetByText("Article created.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No image yet.")).ToBeVisibleAsync();
    }

    static readonly byte[] OnePixelPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
