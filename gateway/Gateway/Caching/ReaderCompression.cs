using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace NewsPlatform.Gateway.Caching;

/// <summary>
/// Brotli or gzip (the reader's <c>Accept-Encoding</c> chooses, Brotli first) for HTML, XML, JSON, CSS,
/// JavaScript and plain text; images, fonts and anything a service already compressed pass untouched, and every
/// compressible response says <c>Vary: Accept-Encoding</c>. It runs inside the output cache, which keys on the
/// chosen encoding (<see cref="ReaderCachePolicy"/>), so a cached page is compressed once and served compressed.
/// Only public reads are compressed (GET or HEAD without credentials): a response that carries a secret is never
/// compressed next to text an attacker chose (BREACH), whether or not TLS ends in front of the gateway.
/// </summary>
public static class ReaderCompression
{
    static readonly string[] MimeTypes =
    [
        "text/html", "text/plain", "text/css", "text/xml", "application/xml", "application/rss+xml",
        "application/atom+xml", "application/json", "application/problem+json", "application/feed+json",
        "text/javascript", "application/javascript", "image/svg+xml",
    ];

    public static WebApplicationBuilder AddReaderCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            // Public reads only (see UseReaderCompression); TLS usually ends at the proxy in front, which
            // ForwardedClients then reports as https.
            o.EnableForHttps = true;
            o.MimeTypes = MimeTypes;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        // Compressed once per page and encoding, then served from the cache: worth the better ratio.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return builder;
    }

    public static WebApplication UseReaderCompression(this WebApplication app)
    {
        app.UseWhen(IsPublicRead, branch => branch.UseResponseCompression());
        return app;
    }

    static bool IsPublicRead(HttpContext context)
    {
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && request.Headers.ContainsKey(HeaderNames.AcceptEncoding)
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !request.Headers.ContainsKey(HeaderNames.Cookie);
    }
}
