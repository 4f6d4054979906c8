using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace NewsPlatform.Rendering;

/// <summary>
/// Article bodies as readers get them, and as the editor's preview shows them: CommonMark rendered with
/// Markdig, then sanitised with an allow-list. Markdig passes raw HTML and <c>javascript:</c> links through, so
/// the sanitiser always runs last and its HTML is embedded unchanged. Headings are adjusted before rendering so
/// the body never adds a second <c>h1</c> under the headline. This is the one Markdown dialect of NewsPlatform:
/// the site (ReaderFeed), its JSON API, its search index and the editor's preview (Authoring) all use it.
/// </summary>
public sealed class ArticleBody
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseReferralLinks("nofollow", "noopener", "noreferrer")
        .Build();

    // No images, styles, classes, ids, forms or frames: a body is text with links, and must not dress up as the
    // page (or the editor) around it. Only web and mail links.
    readonly HtmlSanitizer _sanitizer = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "em", "strong", "b", "i",
            "a", "code", "pre", "del", "s", "sub", "sup", "table", "thead", "tbody", "tr", "th", "td", "q", "cite", "abbr",
        },
        AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title", "rel", "start", "cite" },
        AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
        UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "cite" },
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(),
    });

    /// <summary>Safe HTML for the article page, the JSON API and the editor's preview.</summary>
    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? "", Pipeline);
        DemoteHeadings(document);
        return _sanitizer.Sanitize(document.ToHtml(Pipeline));
    }

    /// <summary>The words of the body without markup, for the search index.</summary>
    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown ?? "", Pipeline).Trim();

    /// <summary>The page's headline is the only h1: a body starting at "#" is shifted down one level.</summary>
    static void DemoteHeadings(MarkdownDocument document)
    {
        var headings = document.Descendants<HeadingBlock>().ToList();
        if (headings.Count == 0) return;
        var shift = Math.Max(0, 2 - headings.Min(h => h.Level));
        foreach (var heading in headings) heading.Level = Math.Min(6, heading.Level + shift);
    }
}
