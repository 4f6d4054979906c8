using Microsoft.Net.Http.Headers;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>
/// Writes a <see cref="CachedResponse"/> with its validators and answers revalidation with 304
/// (If-None-Match first, then If-Modified-Since, as RFC 9110 orders them).
/// </summary>
public sealed class CachedResult(CachedResponse response, string? cacheControl = null) : IResult
{
    public CachedResponse Response => response;

    public async Task ExecuteAsync(HttpContext context)
    {
        var http = context.Response;
        var headers = http.Headers;
        headers.CacheControl = cacheControl ?? CacheHeaders.For(response.StatusCode);
        headers.ETag = response.ETag;
        if (response.LastModified is { } lastModified) headers.LastModified = lastModified.ToString("R");
        if (response.Location is { } location) headers.Location = location;
        headers.XContentTypeOptions = "nosniff";
        if (response.IsHtml)
        {
            headers.ContentSecurityPolicy = CacheHeaders.ContentSecurityPolicy;
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        }

        if (response.StatusCode == StatusCodes.Status200OK && NotModified(context.Request))
        {
            http.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        http.StatusCode = response.StatusCode;
        http.ContentType = response.ContentType;
        http.ContentLength = response.Body.Length;
        if (HttpMethods.IsHead(context.Request.Method)) return;
        await http.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    bool NotModified(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count > 0)
        {
            return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(response.ETag), useStrongComparison: false));
        }
        return response.LastModified is { } lastModified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && lastModified <= since;
    }
}
