using Microsoft.Extensions.Options;

namespace NewsPlatform.Gateway.Security;

public static class SecurityHeaders
{
    /// <summary>
    /// Sets the browser security headers as the response starts, so they also cover responses served
    /// from the output cache and the ones the gateway writes itself. A Content-Security-Policy a service
    /// sends is its own and passes through (the editor's is stricter than the site's); the gateway's
    /// default policy goes only on HTML that has none.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<SecurityHeadersOptions>>().Value;
        // One callback for every request (the response is its state), not a closure allocated per request.
        Func<object, Task> onStarting = response =>
        {
            Apply((HttpResponse)response, options);
            return Task.CompletedTask;
        };
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(onStarting, context.Response);
            return next(context);
        });
    }

    static void Apply(HttpResponse response, SecurityHeadersOptions options)
    {
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.Remove("Server");
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true) return;

        if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
            headers.ContentSecurityPolicy = options.ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
    }
}
