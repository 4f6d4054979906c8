using System.Globalization;
using System.Text;
using AnyAscii;

namespace NewsPlatform.ServiceDefaults.Newsroom;

/// <summary>
/// The one rule that turns a name into a URL segment, shared so that every service derives the same
/// segment from the same section or author name: lower-case ASCII words joined by hyphens. Latin letters are
/// folded to their ASCII base ("Søren Ærø" → "soren-aero"); letters of other scripts are transliterated with
/// AnyAscii ("Россия" → "rossiya", "Αθήνα" → "athina", "東京" → "dongjing"). Empty when nothing of the name
/// survives (punctuation or emoji only); callers that need a segment supply their own fallback.
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

        void Letter(char c)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9'))
            {
                hyphen = true;
                return;
            }
            if (hyphen && slug.Length > 0) slug.Append('-');
            hyphen = false;
            slug.Append(c);
        }

        void Letters(string letters)
        {
            foreach (var c in letters) Letter(c);
        }

        foreach (var rune in text.Normalize(NormalizationForm.FormC).ToLowerInvariant().EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                Letter((char)rune.Value);
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (Latin(rune) is { } latin) Letters(latin);
            // A letter, digit or mark of another script stays inside its word; the apostrophes AnyAscii writes
            // for signs such as the Russian soft sign or the Arabic ain are dropped, not read as word breaks.
            else if (Rune.IsLetterOrDigit(rune) || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                Letters(Transliterated(rune));
            else hyphen = true;
        }
        return slug.ToString();
    }

    /// <summary>
    /// The ASCII letters of a non-ASCII Latin letter or digit: its base without accents, or its fold; null for
    /// anything else. This is the rule slugs had before other scripts were transliterated, kept unchanged.
    /// </summary>
    static string? Latin(Rune rune)
    {
        var letters = new StringBuilder();
        foreach (var c in rune.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Folds.TryGetValue(c, out var folded)) letters.Append(folded);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9') letters.Append(c);
            else return null;
        }
        return letters.Length == 0 ? null : letters.ToString();
    }

    static string Transliterated(Rune rune) =>
        new(rune.ToString().Transliterate().ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
}
