namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>Cache-Control values for a shared cache in front of the site (the gateway, a CDN).</summary>
public static class CacheHeaders
{
    /// <summary>Pages and feeds: fresh for 10 s, then served stale while one request revalidates.</summary>
    public const string Content = "public, max-age=10, stale-while-revalidate=30";
    public const string Missing = "public, max-age=10";
    public const string Gone = "public, max-age=60";
    public const string Redirect = "public, max-age=300";
    public const string Assets = "public, max-age=31536000, immutable";
    public const string Never = "no-store";

    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

    public static string For(int statusCode) => statusCode switch
    {
        >= 500 => Never,
        400 or 404 => Missing,
        410 => Gone,
        301 or 308 => Redirect,
        _ => Content,
    };
}
