using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace NewsPlatform.Gateway.Routing;

/// <summary>
/// Refuses a body whose declared length is above the route's limit (<c>MaxRequestBodySize</c> in the
/// route config, else <c>Gateway:MaxRequestBodySize</c>) with 413 before any service sees the request.
/// A chunked body that grows past the limit is stopped by Kestrel while streaming and also ends as 413.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (declared is null) return next(context);

        var limit = context.GetReverseProxyFeature().Route.Config.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is null or < 0 || declared <= limit) return next(context);

        return TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            detail: $"The request body is {declared} bytes; {context.Request.Method} {context.Request.Path} accepts at most {limit} bytes.")
            .ExecuteAsync(context);
    }
}
