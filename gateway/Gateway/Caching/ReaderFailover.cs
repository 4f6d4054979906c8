using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Caching;

/// <summary>
/// What happens to an anonymous reader request (a page, feed or the feed API) when its service fails: a stale
/// copy from the output cache (<see cref="StaleCopyStore"/>) if there is one, else 503 with <c>Retry-After</c> —
/// never the service's 500 or an empty 502. Set on the request by <see cref="ReaderCachePolicy"/>.
/// </summary>
public sealed class ReaderFailover
{
    /// <summary>The lookup found a copy that is no longer fresh, kept for stale-if-error.</summary>
    public bool StaleCopyKept { get; set; }

    /// <summary>The service failed this request: the second pass through the cache serves the stale copy.</summary>
    public bool ServeStale { get; set; }

    public bool StaleServed { get; set; }

    /// <summary>The service that failed, for the problem details when not even a stale copy is left.</summary>
    public string? Service { get; set; }

    /// <summary>
    /// Runs before the output cache: when the service failed a reader request that has a stale copy, runs the
    /// request through the cache once more, which then serves that copy.
    /// </summary>
    public sealed class ServeStaleOnFailure(RequestDelegate next)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            await next(context);
            if (context.Features.Get<ReaderFailover>() is not { ServeStale: true } failover || context.Response.HasStarted) return;

            context.Response.Clear();
            await next(context);
            if (failover.StaleServed)
                CacheMetrics.StaleServed.Add(1, new KeyValuePair<string, object?>("service", failover.Service));
        }
    }

    /// <summary>
    /// First in the proxy pipeline of a reader request: holds the service's answer back until it is known to be a
    /// success. A failure (no healthy instance, no connection, a 5xx) is replaced by the stale copy when the cache
    /// keeps one, else by 503 with <c>Retry-After</c>. Only cache misses pass here, so holding a page is rare.
    /// </summary>
    public sealed class GuardService(RequestDelegate next, RetryAfter retryAfter)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            if (context.Features.Get<ReaderFailover>() is not { } failover)
            {
                await next(context);
                return;
            }
            failover.Service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            if (failover.ServeStale)
            {
                // The second pass found no copy after all (the cache dropped it meanwhile): do not ask the service again.
                await UnavailableAsync(context, failover.Service, retryAfter.Seconds);
                return;
            }

            var response = context.Features.Get<IHttpResponseBodyFeature>()!;
            using var held = new MemoryStream();
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(held));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(response);
            }

            var status = context.Response.StatusCode;
            var failed = context.GetForwarderErrorFeature() is not null || status >= 500;
            if (!failed)
            {
                held.Position = 0;
                await held.CopyToAsync(response.Stream, context.RequestAborted);
                return;
            }
            if (context.RequestAborted.IsCancellationRequested) return;
            if (failover.StaleCopyKept)
            {
                failover.ServeStale = true;
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // so that the failure is not stored
                return;
            }
            if (status is StatusCodes.Status503ServiceUnavailable or StatusCodes.Status504GatewayTimeout)
            {
                // The gateway's own problem (no healthy instance, timeout) or the service's: passed on, with a hint when to retry.
                if (status == StatusCodes.Status503ServiceUnavailable && !context.Response.Headers.ContainsKey("Retry-After"))
                    context.Response.Headers.RetryAfter = retryAfter.Seconds.ToString(CultureInfo.InvariantCulture);
                held.Position = 0;
                await held.CopyToAsync(response.Stream, context.RequestAborted);
                return;
            }
            context.Response.Clear();
            await UnavailableAsync(context, failover.Service, retryAfter.Seconds);
        }

        static Task UnavailableAsync(HttpContext context, string service, int retryAfterSeconds)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service unavailable",
                detail: $"The {service} service cannot answer {context.Request.Path} right now and the gateway keeps no earlier copy of it. Try again in {retryAfterSeconds} s.",
                extensions: new Dictionary<string, object?> { ["service"] = service })
                .ExecuteAsync(context);
        }
    }

    /// <summary>The <c>Retry-After</c> the gateway sends with a 503 of its own (<c>Gateway:RetryAfter</c>, default 5 s).</summary>
    public sealed record RetryAfter(int Seconds);
}
