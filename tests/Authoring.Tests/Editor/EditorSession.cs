using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NewsPlatform.Authoring.Tests.Editor;

/// <summary>
/// One person at one browser (its own context: own sessionStorage, own token), signed in to the
/// editor. Records anything the page should never do: script errors, policy violations, dialogs.
/// </summary>
public sealed class EditorSession : IAsyncDisposable
{
    readonly IBrowserContext _context;
    readonly List<string> _problems = [];

    public IPage Page { get; }

    /// <summary>Script errors, Content-Security-Policy violations and alert/confirm dialogs seen so far.</summary>
    public IReadOnlyList<string> Problems => _problems;

    EditorSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            // A refused request (412, 404 ...) is logged by the browser itself; that is expected here.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                _problems.Add($"console: {message.Text}");
        };
        page.Dialog += async (_, dialog) =>
        {
            _problems.Add($"dialog: {dialog.Message}");
            await dialog.DismissAsync();
        };
    }

    public static async Task<EditorSession> SignInAsync(EditorHost host, string email, string password)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "en-GB",
        });
        var session = new EditorSession(context, await context.NewPageAsync());
        var page = session.Page;
        await page.GotoAsync("/editor");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Articles", Exact = true })).ToBeVisibleAsync();
        return session;
    }

    public ILocator Field(string label) => Page.GetByRole(AriaRole.Main).GetByLabel(label, new() { Exact = true }).Filter(new() { Visible = true });

    /// <summary>Visible text, matched whole (hidden views hold similar words).</summary>
    public ILocator Text(string text) => Page.GetByText(text, new() { Exact = true }).Filter(new() { Visible = true });

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task OpenFromListAsync(string status, string headline)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).First.ClickAsync();
        await Button(status).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = headline, Exact = true }).ClickAsync();
        await Expect(Field("Headline")).ToHaveValueAsync(headline);
    }

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(EditorHost.ArtifactsDirectory, name), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
