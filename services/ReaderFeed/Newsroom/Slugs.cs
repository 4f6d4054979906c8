using System.Globalization;
using System.Text;

namespace NewsPlatform.ReaderFeed.Newsroom;

/// <summary>URL segments made from names: "Camilla Jessen" → "camilla-jessen", "Søren Ærø" → "soren-aero".</summary>
public static class Slugs
{
    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        var dash = false;
        foreach (var c in Transliterate(text).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && builder.Length > 0) builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else dash = true;
        }
        return builder.ToString();
    }

    // Letters that Unicode decomposition leaves alone.
    static string Transliterate(string text) => text
        .Replace("ø", "o").Replace("Ø", "O").Replace("æ", "ae").Replace("Æ", "AE")
        .Replace("ß", "ss").Replace("đ", "d").Replace("Đ", "D").Replace("ł", "l").Replace("Ł", "L");
}
