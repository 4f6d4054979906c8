namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>
/// The one same-site rule for every address the reader site hands out as a Location header, and for
/// links it did not build itself (Trending's URLs).
/// </summary>
public static class SitePath
{
    /// <summary>
    /// A path of this site: a single '/' then a character that is neither '/' nor '\' (so no
    /// scheme-relative "//host" or "/\host", which browsers resolve to another host), and only printable
    /// ASCII after it: no '\' anywhere, no control characters (browsers drop tab, CR and LF, turning
    /// "/\t/host" into "//host"), no spaces, nothing a header cannot carry. A scheme cannot
    /// appear, as the first character is '/'. Section and slug segments are lower-case ASCII, so no
    /// page of the site fails this.
    /// </summary>
    public static bool IsSameSite(string? url)
    {
        if (url is not { Length: > 1 } || url[0] != '/' || url[1] is '/' or '\\') return false;
        foreach (var c in url)
            if (c is <= ' ' or >= '\u007f' or '\\') return false;
        return true;
    }
}
