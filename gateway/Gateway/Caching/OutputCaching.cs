using Microsoft.AspNetCore.OutputCaching;
using NewsPlatform.Gateway.Extensions;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Caching;

public static class OutputCaching
{
    /// <summary>
    /// The <c>reader</c> output-cache policy; its lifetime and memory come from <c>Gateway:OutputCache</c>. Purged
    /// when ReaderFeed announces a change (<see cref="ReaderCachePurge"/>); the lifetime bounds staleness otherwise.
    /// A purged or expired page is kept <c>StaleIfError</c> longer (default 10 min) to be served while its service
    /// fails (<see cref="StaleCopyStore"/>, <see cref="ReaderFailover"/>).
    /// </summary>
    public static WebApplicationBuilder AddReaderOutputCache(this WebApplicationBuilder builder)
    {
        var cache = builder.AddValidatedOptions<OutputCacheOptions>(OutputCacheOptions.Section);
        var retryAfter = builder.AddValidatedOptions<GatewayOptions>(GatewayOptions.Section).RetryAfter;

        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = cache.SizeLimitMegabytes * 1024 * 1024;
            // Slugs are lower-case; /News and /news are different requests that a service may answer differently.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(ReaderCachePolicy.Name, new ReaderCachePolicy(cache.Duration));
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new ReaderFailover.RetryAfter((int)Math.Ceiling(retryAfter.TotalSeconds)));
        KeepStaleCopies(builder.Services, cache.StaleIfError);
        builder.AddReaderCompression();
        return builder.AddReaderCachePurge();
    }

    /// <summary>Wraps the store <c>AddOutputCache</c> registered (in memory, size-bounded) in <see cref="StaleCopyStore"/>.</summary>
    static void KeepStaleCopies(IServiceCollection services, TimeSpan staleIfError)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("The output cache store is expected to be registered by a factory.");
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(sp => new StaleCopyStore(
            (IOutputCacheStore)create(sp), staleIfError, sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>
    /// In order: the second pass that serves a stale copy when a service failed, the output cache, and compression
    /// (inside the cache, so that a page is compressed once and stored compressed).
    /// </summary>
    public static WebApplication UseReaderOutputCache(this WebApplication app)
    {
        app.UseMiddleware<ReaderFailover.ServeStaleOnFailure>();
        app.UseOutputCache();
        app.UseReaderCompression();
        return app;
    }
}
