using System.Text;
using System.Text.RegularExpressions;

namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// Turns one line of plain article text into CommonMark that renders as exactly that text. Only characters
/// that would otherwise become markup are escaped; quotation marks, apostrophes, dashes, brackets in quotations
/// and non-ASCII letters pass through untouched, so the stored body reads as the newsroom wrote it.
/// </summary>
public static partial class CommonMarkText
{
    // Line starts that open a block: ATX heading, quote, list item, thematic break, setext underline.
    [GeneratedRegex(@"^(?:[#>+=-]|\d{1,9}[.)](?:\s|$))")]
    private static partial Regex BlockStart();

    // "&copy;" or "&#169;" would render as a character instead of the text written.
    [GeneratedRegex(@"&(?=#?[0-9A-Za-z]+;)")]
    private static partial Regex EntityLike();

    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            // Emphasis, code spans, raw HTML and strike-through; "]" only where it would close a link or
            // reference ("[Russian leader Vladimir] Putin" stays as written).
            if (c is '\\' or '`' or '*' or '_' or '<' or '~' || (c == ']' && next is '(' or '[' or ':'))
                escaped.Append('\\');
            escaped.Append(c);
        }
        var result = EntityLike().Replace(escaped.ToString(), @"\&");
        var start = BlockStart().Match(result);
        if (!start.Success) return result;
        // A leading marker is escaped in place: "#1 seed" → "\#1 seed", "2025. A year" → "2025\. A year".
        var marker = char.IsDigit(result[0]) ? start.Value.TrimEnd().Length - 1 : 0;
        return result.Insert(marker, "\\");
    }

    public static string Paragraph(string text) => Escape(text);

    public static string SubHeading(string text)
    {
        var escaped = Escape(text);
        // A heading's trailing "#"s would be read as an optional closing sequence and disappear.
        return "## " + (escaped.EndsWith('#') ? escaped[..^1] + @"\#" : escaped);
    }
}
