using System.Text.RegularExpressions;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Newsroom;

/// <summary>
/// Article slugs: the platform's <see cref="UrlSlug"/> of the headline, at most <see cref="MaxLength"/>
/// characters, and never empty (a headline with no letters or digits in any script becomes "article").
/// </summary>
public static partial class Slugs
{
    public const int MaxLength = 80;
    const string Fallback = "article";

    public static string From(string text)
    {
        var slug = UrlSlug.From(text);
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

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Canonical();
}
