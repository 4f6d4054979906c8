using Ganss.Xss;
using Markdig;
using Markdig.Syntax;

namespace NewsPlatform.ReaderFeed.Rendering;

/// <summary>
/// Article bodies: CommonMark rendered with Markdig, then sanitised with an allow-list. The sanitised
/// HTML is what pages embed, unchanged. Headings are adjusted before rendering so the body never adds a
/// second <c>h1</c> under the headline.
/// </summary>
public sealed class ArticleBody
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .UseReferralLinks("nofollow", "noopener", "noreferrer")
        .Build();

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

    /// <summary>Safe HTML for the article page and the JSON API.</summary>
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
