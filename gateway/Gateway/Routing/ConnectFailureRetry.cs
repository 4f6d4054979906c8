using System.Net.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Routing;

/// <summary>
/// Retries a GET or HEAD once, on another instance, only when the first instance could not even be
/// connected to — the request never left the gateway, so nothing ran twice. Nothing else is retried:
/// not other methods, not a timeout, not an error after the service received the request. The passive
/// health check still counts the failure, and the active one soon takes the instance out.
/// </summary>
public sealed class ConnectFailureRetry(RequestDelegate next, ILogger<ConnectFailureRetry> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        await next(context);

        if (!CouldNotConnect(context)) return;
        var failed = proxy.ProxiedDestination;
        var others = candidates.Where(d => d != failed).ToList();
        if (others.Count == 0) return;

        logger.LogWarning("Could not connect to {Destination} of {Cluster}; retrying {Method} {Path} on another instance",
            failed?.DestinationId, proxy.Cluster.Config.ClusterId, context.Request.Method, context.Request.Path);
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status200OK;
        proxy.AvailableDestinations = others;
        await next(context);
    }

    static bool CouldNotConnect(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Response.HasStarted
        && context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } };
}
