using System.Text;

namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// Reads a scraped plain-text article into lines. Blank lines carry no meaning in the format (each non-blank
/// line is one block), so they are dropped here; their numbers are kept so errors point at the right line.
/// </summary>
public static class SeedText
{
    private const char ByteOrderMark = '\uFEFF';

    /// <summary>The non-blank lines, trimmed and NFC-normalised, numbered as in the original text.</summary>
    public static IReadOnlyList<SourceLine> Lines(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var raw in SplitLines(text.TrimStart(ByteOrderMark)))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            RejectControlCharacters(number, line);
            lines.Add(new SourceLine(number, line.Normalize(NormalizationForm.FormC)));
        }
        return lines;
    }

    /// <summary>
    /// The text reduced to what the parser reads — no BOM, one line ending, no surrounding or blank-line
    /// whitespace, composed Unicode — so a file saved on Windows, re-wrapped with blank lines or moved
    /// through a macOS tool still names the same article.
    /// </summary>
    public static string Normalise(string text) => string.Join('\n', Lines(text).Select(l => l.Text));

    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\r' or '\n')) continue;
            yield return text[start..i];
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start <= text.Length) yield return text[start..];
    }

    // A NUL or escape character means this is not a text article (a binary upload, a wrong encoding);
    // refusing it here keeps such bytes out of every stored field.
    private static void RejectControlCharacters(int number, string line)
    {
        foreach (var c in line)
        {
            if (char.IsControl(c) && c != '\t')
                throw new SeedFormatException(new SeedParseError(number, "plain text", $"the control character U+{(int)c:X4}"));
        }
    }
}
