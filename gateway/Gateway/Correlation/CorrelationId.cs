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

    // Runs on every proxied request: one delegate for all of them, the request's id read back from its headers.
    static readonly Func<object, Task> EchoInResponse = state =>
    {
        var context = (HttpContext)state;
        context.Response.Headers[Header] = context.Request.Headers[Header];
        return Task.CompletedTask;
    };

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CorrelationId).FullName!);
        return app.Use(async (context, next) =>
        {
            var id = Accept(context.Request.Headers[Header].ToString()) ?? NewId();
            context.Request.Headers[Header] = id;
            Activity.Current?.SetTag("correlation.id", id);
            context.Response.OnStarting(EchoInResponse, context);
            using (logger.BeginScope(new CorrelationScope(id)))
                await next(context);
        });
    }

    /// <summary>A caller's id is kept only if it is short and plain, so it cannot inject into logs or headers.</summary>
    internal static string? Accept(string value)
    {
        if (value.Length is 0 or > MaxLength) return null;
        foreach (var c in value)
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')) return null;
        return value;
    }

    static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>The log scope: one small object per request, read as <c>CorrelationId</c> by every logger provider.</summary>
    sealed class CorrelationScope(string id) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("CorrelationId", id) : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => 1;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() { yield return this[0]; }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"CorrelationId:{id}";
    }
}
