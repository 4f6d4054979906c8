using Microsoft.AspNetCore.Http;
using NewsPlatform.ServiceDefaults.Text;

namespace NewsPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Refuses, before any endpoint runs, a request whose path or query parameters hold control characters
/// (<see cref="ControlCharacters.CheckSingleLine"/>): 400 problem details naming the parameter, or the
/// path. Without it a NUL reached PostgreSQL (a 500) and CR/LF reached response headers.
/// </summary>
public static class RequestTextGuard
{
    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (ControlCharacters.CheckSingleLine(request.Path.Value) is { } pathError)
        {
            await Refuse(context, "path", $"The request path is not valid: {pathError}");
            return;
        }
        foreach (var (name, values) in request.Query)
        {
            var nameError = ControlCharacters.CheckSingleLine(name);
            var error = nameError ?? values.Select(ControlCharacters.CheckSingleLine).FirstOrDefault(e => e is not null);
            if (error is null) continue;
            var shown = nameError is null ? name : Uri.EscapeDataString(name);
            await Refuse(context, shown, $"The query parameter '{shown}' is not valid: {error}");
            return;
        }
        await next();
    }

    static Task Refuse(HttpContext context, string field, string detail) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] },
            detail: detail, title: "The request is not valid").ExecuteAsync(context);
}
