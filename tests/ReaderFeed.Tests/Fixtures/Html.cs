using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsPlatform.ReaderFeed.Tests.Fixtures;

/// <summary>Reading pages the way a browser would: parsed, not searched as text.</summary>
public static class Html
{
    public static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static string Text(this IDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException($"No element matches '{selector}'.");

    public static string? Meta(this IDocument document, string key) =>
        (document.QuerySelector($"meta[property='{key}']") ?? document.QuerySelector($"meta[name='{key}']"))?.GetAttribute("content");

    public static JsonElement JsonLd(this IDocument document)
    {
        var script = document.QuerySelectorAll("script[type='application/ld+json']").SingleOrDefault()
            ?? throw new Xunit.Sdk.XunitException("The page has no JSON-LD.");
        using var json = JsonDocument.Parse(script.TextContent);
        return json.RootElement.Clone();
    }

    /// <summary>
    /// What a browser could execute: any script but JSON-LD data, any on* attribute, any javascript:/vbscript:/data:
    /// URL in a link or source, and elements that embed other documents.
    /// </summary>
    public static IReadOnlyList<string> ExecutableMarkup(IDocument document)
    {
        var found = new List<string>();
        foreach (var element in document.All)
        {
            var tag = element.LocalName;
            if (tag == "script" && element.GetAttribute("type") != "application/ld+json"
                && !(element.HasAttribute("src") && element.GetAttribute("src")!.StartsWith("/assets/beacon.js", StringComparison.Ordinal) && element.TextContent.Length == 0))
                found.Add("script: " + element.OuterHtml);
            if (tag is "iframe" or "object" or "embed" or "frame" or "frameset" or "base" or "applet")
                found.Add("embed: " + element.OuterHtml);
            if (tag == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))
                found.Add("refresh: " + element.OuterHtml);
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    found.Add($"{attribute.Name} on {tag}: {element.OuterHtml}");
                if (attribute.Name is "href" or "src" or "srcset" or "action" or "formaction" or "xlink:href" or "poster" or "data"
                    && IsScriptUrl(attribute.Value))
                    found.Add($"{attribute.Name} on {tag}: {attribute.Value}");
                if (attribute.Name == "style") found.Add($"style on {tag}: {attribute.Value}");
            }
        }
        return found;
    }

    static bool IsScriptUrl(string value)
    {
        var compact = new string(value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        return compact.StartsWith("javascript:") || compact.StartsWith("vbscript:") || compact.StartsWith("data:");
    }
}
