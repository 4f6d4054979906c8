using System.Globalization;
using System.Text;

namespace NewsPlatform.ServiceDefaults.Newsroom;

/// <summary>
/// The one rule that turns a name into a URL segment, shared so that every service derives the same
/// segment from the same section or author name: lower-case ASCII words joined by hyphens, letters folded
/// to ASCII ("Søren Ærø" → "soren-aero"). Empty when nothing of the name survives (e.g. "Россия").
/// </summary>
public static class UrlSlug
{
    // Letters that Unicode decomposition does not reduce to an ASCII base letter.
    static readonly Dictionary<char, string> Folds = new()
    {
        ['ø'] = "o", ['æ'] = "ae", ['œ'] = "oe", ['ß'] = "ss", ['đ'] = "d", ['ð'] = "d",
        ['þ'] = "th", ['ł'] = "l", ['ı'] = "i", ['ħ'] = "h", ['ŧ'] = "t", ['ŋ'] = "n",
    };

    public static string From(string text)
    {
        var slug = new StringBuilder(text.Length);
        var hyphen = false;
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var letters = Folds.TryGetValue(c, out var folded) ? folded : c is >= 'a' and <= 'z' or >= '0' and <= '9' ? null : "";
            if (letters == "")
            {
                hyphen = true;
                continue;
            }
            if (hyphen && slug.Length > 0) slug.Append('-');
            hyphen = false;
            if (letters is null) slug.Append(c);
            else slug.Append(letters);
        }
        return slug.ToString();
    }
}
