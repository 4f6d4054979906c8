using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace NewsPlatform.Gateway.Caching;

/// <summary>
/// Output cache for anonymous reader pages and feeds. A request that carries credentials (Authorization,
/// Cookie) neither reads nor fills the cache, and only a plain 200 that sets no cookie and does not
/// forbid shared caching is stored — so one reader's personal response is never served to another. Stored
/// responses are tagged so that a change in ReaderFeed purges them (<see cref="ReaderCachePurge"/>). Each
/// anonymous request may fall back on a stale copy when its service fails (<see cref="ReaderFailover"/>), and is
/// cached per response encoding (<see cref="ReaderCompression"/>): a page is compressed once per encoding, stored
/// compressed, and served to every reader whose <c>Accept-Encoding</c> picks that encoding.
/// </summary>
public sealed class ReaderCachePolicy(TimeSpan duration) : IOutputCachePolicy
{
    public const string Name = "reader";

    /// <summary>Every stored reader response carries this tag, which <see cref="ReaderPagesChangedConsumer"/> evicts.</summary>
    public const string Tag = "reader";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var anonymous = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && !request.Headers.ContainsKey(HeaderNames.Cookie);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = anonymous;
        context.AllowCacheStorage = anonymous;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = duration;
        context.Tags.Add(Tag);
        context.CacheVaryByRules.QueryKeys = "*";
        if (anonymous)
        {
            // The encoding the compression middleware will choose for this request (the same negotiation), not the
            // header's spelling: browsers that all pick Brotli share one cached copy.
            var encoding = context.HttpContext.RequestServices.GetRequiredService<IResponseCompressionProvider>()
                .GetCompressionProvider(context.HttpContext)?.EncodingName ?? "identity";
            context.CacheVaryByRules.VaryByValues["encoding"] = encoding;
            if (context.HttpContext.Features.Get<ReaderFailover>() is null) context.HttpContext.Features.Set(new ReaderFailover());
        }
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        CacheMetrics.Hits.Add(1, new KeyValuePair<string, object?>("route", RouteId(context.HttpContext)));
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.ContainsKey(HeaderNames.SetCookie)
            || ForbidsSharedCaching(response.Headers.CacheControl))
        {
            context.AllowCacheStorage = false;
        }
        else if (context.AllowCacheStorage)
        {
            CacheMetrics.Stores.Add(1, new KeyValuePair<string, object?>("route", RouteId(context.HttpContext)));
        }
        return ValueTask.CompletedTask;
    }

    static bool ForbidsSharedCaching(StringValues cacheControl) =>
        CacheControlHeaderValue.TryParse(cacheControl.ToString(), out var value) && (value.NoStore || value.NoCache || value.Private);

    static string? RouteId(HttpContext context) => context.GetEndpoint()?.DisplayName;
}
