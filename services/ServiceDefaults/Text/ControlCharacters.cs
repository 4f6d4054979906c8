namespace NewsPlatform.ServiceDefaults.Text;

/// <summary>
/// Which characters NewsPlatform text may hold. NUL is never allowed (PostgreSQL text cannot store it,
/// and nothing means it); a single-line value (a headline, a name, a query parameter, a path) holds no
/// C0 control character and no DEL; multi-line text (an article body, a standfirst, a note) keeps tab,
/// CR and LF. An unpaired surrogate is no character at all and is refused everywhere.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Why <paramref name="text"/> is refused as a single-line value, or null when it is acceptable.</summary>
    public static string? CheckSingleLine(string? text) => Check(text, multiLine: false);

    /// <summary>Why <paramref name="text"/> is refused as multi-line text, or null when it is acceptable.</summary>
    public static string? CheckMultiLine(string? text) => Check(text, multiLine: true);

    static string? Check(string? text, bool multiLine)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "The NUL character (U+0000) is not allowed.";
            if (c is < ' ' or '\u007f' && !(multiLine && c is '\t' or '\r' or '\n'))
                return multiLine
                    ? $"The control character U+{(int)c:X4} is not allowed; only tab and line breaks are."
                    : $"The control character U+{(int)c:X4} is not allowed here (a single line of text).";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return $"An unpaired surrogate (U+{(int)c:X4}) is not a character.";
        }
        return null;
    }
}
