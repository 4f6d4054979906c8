namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// Why a seed text could not be read: the line, what the format expects there, and what was found
/// (a quoted snippet of the line, or a description such as "the end of the text").
/// </summary>
public sealed record SeedParseError(int Line, string Expected, string Found)
{
    private const int MaxSnippet = 80;

    public string Message => $"Line {Line}: expected {Expected}; found {Found}.";

    public override string ToString() => Message;

    /// <summary>An error whose finding is (part of) the line's text, quoted and shortened.</summary>
    public static SeedParseError AtText(int line, string expected, string text) => new(line, expected, Quote(text));

    internal static string Quote(string text) =>
        text.Length <= MaxSnippet ? $"\"{text}\"" : $"\"{text[..MaxSnippet]}…\"";
}

/// <summary>Carries a <see cref="SeedParseError"/> out of the parser's nested steps; never escapes <see cref="SeedTextParser.Parse"/>.</summary>
internal sealed class SeedFormatException(SeedParseError error) : Exception(error.Message)
{
    public SeedParseError Error { get; } = error;

    public static SeedFormatException AtText(int line, string expected, string text) =>
        new(SeedParseError.AtText(line, expected, text));
}
