using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace NewsPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, an unknown field, a wrong type)
/// into a 400 problem that says what was wrong and where.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad) return false;

        var detail = bad.InnerException is JsonException json
            ? $"The JSON body is not valid at '{json.Path ?? "$"}': {FirstSentence(json.Message)}"
            : bad.Message;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request is not valid", Detail = detail },
        });
    }

    static string FirstSentence(string message) => message.Split(" Path:", 2)[0];
}
