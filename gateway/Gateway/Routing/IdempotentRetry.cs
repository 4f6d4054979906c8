using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Routing;

/// <summary>
/// Retries a GET or HEAD once, on another instance, when the first instance failed it before answering: it could
/// not be connected to, or it went away with the request in flight (killed, crashed, its pod removed). A GET changes
/// nothing, so running it again is safe, and a reader gets the page instead of an error while the health checks
/// catch up. Nothing else is retried: not other methods, not a timeout, not an answer the service gave, not a
/// response that had started. The passive health check still counts the failure, and the active one soon takes
/// the instance out.
/// </summary>
public sealed class IdempotentRetry(RequestDelegate next, ILogger<IdempotentRetry> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        await next(context);

        if (!FailedBeforeAnswering(context)) return;
        var failed = proxy.ProxiedDestination;
        var others = candidates.Where(d => d != failed).ToList();
        if (others.Count == 0) return;

        logger.LogWarning("{Destination} of {Cluster} failed {Method} {Path} before answering ({Error}); retrying on another instance",
            failed?.DestinationId, proxy.Cluster.Config.ClusterId, context.Request.Method, context.Request.Path,
            context.GetForwarderErrorFeature()?.Exception?.Message);
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status200OK;
        proxy.AvailableDestinations = others;
        await next(context);
    }

    static bool FailedBeforeAnswering(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested
        // Refused, reset or cut off before the response headers; a timeout (TaskCanceledException) is not retried.
        && context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException };
}
