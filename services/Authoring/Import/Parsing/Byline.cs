using System.Text.RegularExpressions;

namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>Reads <c>Written by A</c>, <c>Written by A and B</c> and <c>Written by A, B and C</c> into author names.</summary>
public static partial class Byline
{
    private const string Expected = "the byline \"Written by NAME\" (or \"Written by A and B\", \"Written by A, B and C\")";

    [GeneratedRegex(@"^(?:written\s+)?by\s+(?<names>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    // "A, B and C", "A, B, and C" (serial comma) and "A & B" all separate names; "and" only as a whole word,
    // so names such as "Alexandra Andersen" stay whole.
    [GeneratedRegex(@"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:and|&)(?:\s|$)|\s(?:and|&)$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingConjunction();

    public static bool Matches(string text) => Pattern().IsMatch(text);

    public static IReadOnlyList<string> Parse(SourceLine line)
    {
        var match = Pattern().Match(line.Text);
        if (!match.Success) throw SeedFormatException.AtText(line.Number, Expected, line.Text);

        var names = Separator().Split(match.Groups["names"].Value).Select(n => n.Trim()).ToList();
        if (names.Any(n => n.Length == 0 || DanglingConjunction().IsMatch(n)))
            throw SeedFormatException.AtText(line.Number, "an author name on each side of \",\" and \"and\"", line.Text);
        if (names.FirstOrDefault(n => !n.Any(char.IsLetter)) is { } notAName)
            throw SeedFormatException.AtText(line.Number, "author names made of letters", notAName);

        return names.Distinct(StringComparer.Ordinal).ToList();
    }
}
