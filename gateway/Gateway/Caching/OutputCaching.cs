namespace NewsPlatform.Gateway.Caching;

public static class OutputCaching
{
    /// <summary>
    /// The <c>reader</c> output-cache policy; its lifetime and memory come from <c>Gateway:OutputCache</c>. Purged
    /// when ReaderFeed announces a change (<see cref="ReaderCachePurge"/>); the lifetime bounds staleness otherwise.
    /// </summary>
    public static WebApplicationBuilder AddReaderOutputCache(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Gateway:OutputCache");
        var duration = section.GetValue<TimeSpan?>("Duration") ?? TimeSpan.FromSeconds(10);
        var sizeLimit = section.GetValue<long?>("SizeLimitMegabytes") ?? 128;

        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = sizeLimit * 1024 * 1024;
            // Slugs are lower-case; /News and /news are different requests that a service may answer differently.
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(ReaderCachePolicy.Name, new ReaderCachePolicy(duration));
        });
        return builder.AddReaderCachePurge();
    }
}
