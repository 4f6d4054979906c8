using Microsoft.AspNetCore.OutputCaching;

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
        var section = builder.Configuration.GetSection("Gateway:OutputCache");
        var duration = section.GetValue<TimeSpan?>("Duration") ?? TimeSpan.FromSeconds(10);
        var sizeLimit = section.GetValue<long?>("SizeLimitMegabytes") ?? 128;
        var staleIfError = section.GetValue<TimeSpan?>("StaleIfError") ?? TimeSpan.FromMinutes(10);
        var retryAfter = builder.Configuration.GetValue<TimeSpan?>("Gateway:RetryAfter") ?? TimeSpan.FromSeconds(5);
        if (staleIfError < TimeSpan.Zero || retryAfter < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException("NewsPlatform cannot start: Gateway:OutputCache:StaleIfError must not be negative and Gateway:RetryAfter must be at least 1 s.");

        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = sizeLimit * 1024 * 1024;
            // Slugs are lower-case; /News and /news are different requests that a service may answer differently.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(ReaderCachePolicy.Name, new ReaderCachePolicy(duration));
        });
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new ReaderFailover.RetryAfter((int)Math.Ceiling(retryAfter.TotalSeconds)));
        KeepStaleCopies(builder.Services, staleIfError);
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
