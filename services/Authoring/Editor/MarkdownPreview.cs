using Ganss.Xss;
using Markdig;

namespace NewsPlatform.Authoring.Editor;

/// <summary>
/// Renders an article body for the editor's live preview: CommonMark through Markdig, then
/// sanitised. Markdig passes raw HTML and <c>javascript:</c> links through, so the sanitiser
/// always runs last and nothing touches the HTML after it.
/// </summary>
public sealed class MarkdownPreview
{
    public const int MaxBodyLength = 200_000;

    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string Render(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        // The editor runs under a CSP without 'unsafe-inline', and a body must not borrow the
        // editor's own classes to dress up as its controls.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedAttributes.Remove("id");
        // Form controls could ask for a password in the middle of the editor.
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "fieldset", "legend", "label" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" }) sanitizer.AllowedSchemes.Add(scheme);
        return sanitizer;
    }
}
