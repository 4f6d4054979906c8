using System.Globalization;
using NewsPlatform.Gateway.Caching;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Routing;

/// <summary>
/// Turns a failed forward into problem details that name the service and say what happened —
/// never an empty 502 or a stack trace. A 503 says when to try again (<c>Retry-After</c>).
/// </summary>
public sealed class GatewayErrorProblems(RequestDelegate next, ReaderFailover.RetryAfter retryAfter, ILogger<GatewayErrorProblems> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);

        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested) return;

        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        var status = context.Response.StatusCode;
        var (title, detail) = Describe(error.Error, status, service);
        logger.LogWarning(error.Exception, "Forwarding {Method} {Path} to {Service} failed: {Error}",
            context.Request.Method, context.Request.Path, service, error.Error);

        context.Response.Clear();
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = retryAfter.Seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: new Dictionary<string, object?> { ["service"] = service })
            .ExecuteAsync(context);
    }

    static (string Title, string Detail) Describe(ForwarderError error, int status, string service) => (error, status) switch
    {
        (ForwarderError.NoAvailableDestinations, _) =>
            ("Service unavailable", $"No instance of the {service} service is healthy right now. Try again shortly."),
        (ForwarderError.RequestTimedOut, _) =>
            ("Gateway timeout", $"The {service} service did not answer in time."),
        (_, StatusCodes.Status413PayloadTooLarge) =>
            ("Request body too large", "The request body is larger than this route accepts."),
        (_, StatusCodes.Status408RequestTimeout) =>
            ("Request timeout", "The request body did not arrive in time."),
        (_, StatusCodes.Status400BadRequest) =>
            ("Bad request", "The request body could not be read."),
        (ForwarderError.ResponseHeaders or ForwarderError.ResponseBodyDestination, _) =>
            ("Bad gateway", $"The {service} service sent an invalid or incomplete response."),
        _ => ("Bad gateway", $"The {service} service could not be reached."),
    };
}
