using System.Diagnostics;

namespace NewsPlatform.Gateway.Correlation;

/// <summary>
/// One id per request, from the caller's <c>X-Correlation-Id</c> when it is sane, generated otherwise;
/// sent to the service (YARP forwards request headers) and echoed in the response.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";
    const int MaxLength = 128;

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationId).FullName!);
        return app.Use(async (context, next) =>
        {
            var id = Accept(context.Request.Headers[Header].ToString()) ?? NewId();
            context.Request.Headers[Header] = id;
            Activity.Current?.SetTag("correlation.id", id);
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
                await next(context);
        });
    }

    /// <summary>A caller's id is kept only if it is short and plain, so it cannot inject into logs or headers.</summary>
    internal static string? Accept(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')
            ? value
            : null;

    static string NewId() => Guid.NewGuid().ToString("N");
}
