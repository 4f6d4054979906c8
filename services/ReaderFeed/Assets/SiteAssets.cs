using System.Security.Cryptography;
using NewsPlatform.ReaderFeed.Caching;

namespace NewsPlatform.ReaderFeed.Assets;

/// <summary>
/// The stylesheet, the view-beacon script and the icon, embedded in the assembly and served from memory under
/// /assets/. Pages link them with a content hash, so they can be cached for a year.
/// </summary>
public sealed class SiteAssets
{
    readonly Dictionary<string, CachedResponse> _assets = new(StringComparer.Ordinal);

    public SiteAssets()
    {
        Add("site.css", "text/css; charset=utf-8");
        Add("beacon.js", "text/javascript; charset=utf-8");
        Add("favicon.svg", "image/svg+xml");
    }

    public string StylesheetUrl => UrlOf("site.css");
    public string BeaconUrl => UrlOf("beacon.js");
    public string IconUrl => UrlOf("favicon.svg");

    string UrlOf(string name) => $"/assets/{name}?v={_assets[name].ETag.Trim('"')[..12]}";

    void Add(string name, string contentType)
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream($"NewsPlatform.ReaderFeed.Assets.{name}")
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _assets[name] = new CachedResponse(StatusCodes.Status200OK, contentType, copy.ToArray(), null);
    }

    public bool TryGet(string name, out CachedResponse asset) => _assets.TryGetValue(name, out asset!);
}

public static class AssetsApi
{
    public static IEndpointRouteBuilder MapSiteAssets(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/assets/{name}", [HttpMethods.Get, HttpMethods.Head], (string name, string? v, SiteAssets assets) =>
                assets.TryGet(name, out var asset)
                    ? (IResult)new CachedResult(asset, v is null ? CacheHeaders.Content : CacheHeaders.Assets)
                    : TypedResults.NotFound())
            .ExcludeFromDescription();
        return app;
    }
}
