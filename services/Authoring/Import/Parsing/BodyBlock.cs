namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// Tells sub-headings from paragraphs in a scraped body, where both are just lines. A sub-heading is a short line
/// that does not end a sentence (<c>First North Korean Soldiers Captured</c>); anything ending in sentence
/// punctuation, a long line, or a line that is entirely a quotation is a paragraph.
/// </summary>
public static class BodyBlock
{
    public const int MaxSubHeadingLength = 100;
    public const int MaxSubHeadingWords = 14;

    private const string ClosingPunctuation = ".!?…:;,";
    private const string ClosingQuotes = "\"'”’»)]";
    private const string OpeningQuotes = "\"'“‘«„";

    public static bool IsSubHeading(string line)
    {
        if (line.Length > MaxSubHeadingLength) return false;
        if (line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > MaxSubHeadingWords) return false;
        var first = line.TrimStart(OpeningQuotes.ToCharArray());
        if (first.Length == 0 || !(char.IsUpper(first[0]) || char.IsDigit(first[0]))) return false;
        // Sentence punctuation inside closing quotes still ends a sentence: …the opportunity.”
        var end = line.TrimEnd(ClosingQuotes.ToCharArray());
        if (end.Length == 0 || ClosingPunctuation.Contains(end[^1])) return false;
        return !IsWholeQuotation(line);
    }

    public static string ToCommonMark(string line) =>
        IsSubHeading(line) ? CommonMarkText.SubHeading(line) : CommonMarkText.Paragraph(line);

    private static bool IsWholeQuotation(string line) =>
        OpeningQuotes.Contains(line[0]) && ClosingQuotes.Contains(line[^1]);
}
