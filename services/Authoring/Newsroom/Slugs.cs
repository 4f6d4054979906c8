using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsPlatform.Authoring.Newsroom;

/// <summary>
/// URL slugs: lower-case ASCII words joined by hyphens. Letters are folded to ASCII so that
/// "Søren Ærø" becomes "soren-aero" rather than losing the letters.
/// </summary>
public static partial class Slugs
{
    public const int MaxLength = 80;
    const string Fallback = "article";

    // Letters that Unicode decomposition does not reduce to an ASCII base letter.
    static readonly Dictionary<char, string> Folds = new()
    {
        ['ø'] = "o", ['æ'] = "ae", ['œ'] = "oe", ['ß'] = "ss", ['đ'] = "d", ['ð'] = "d",
        ['þ'] = "th", ['ł'] = "l", ['ı'] = "i", ['ħ'] = "h", ['ŧ'] = "t", ['ŋ'] = "n",
    };

    public static string From(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Folds.TryGetValue(c, out var replacement)) folded.Append(replacement);
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9') folded.Append(c);
            else folded.Append('-');
        }

        var slug = Hyphens().Replace(folded.ToString(), "-").Trim('-');
        if (slug.Length > MaxLength)
        {
            // Cut at a word boundary so a slug never ends in half a word.
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > MaxLength / 2 ? cut : MaxLength)].Trim('-');
        }
        return slug.Length == 0 ? Fallback : slug;
    }

    /// <summary>Whether <paramref name="slug"/> is already in canonical form (what an editor may type).</summary>
    public static bool IsValid(string slug) => slug.Length is > 0 and <= MaxLength && Canonical().IsMatch(slug);

    /// <summary>The n-th alternative when a slug is taken: "x", "x-2", "x-3", ...</summary>
    public static string Numbered(string slug, int n)
    {
        if (n <= 1) return slug;
        var suffix = "-" + n;
        return slug[..Math.Min(slug.Length, MaxLength - suffix.Length)].TrimEnd('-') + suffix;
    }

    [GeneratedRegex("-{2,}")]
    private static partial Regex Hyphens();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Canonical();
}
