using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// <c>POST /api/trending/views</c>: 202 for every well-formed beacon, counted or not, so a bot learns
/// nothing from the answer; a 202 for a counted view comes once the broker holds it. 503 with Retry-After
/// when the broker did not confirm in time: not accepted, so a retry is safe. The reader cookie lives
/// exactly as long as the repeat window and is renewed by each beacon: long enough to recognise a
/// repeat, too short to follow anyone.
/// </summary>
public static class RecordView
{
    public static async Task<Results<Accepted, ProblemHttpResult>> Handle(
        HttpContext http, ViewIngest ingest, IOptions<JsonOptions> json, IOptions<TrendingOptions> options)
    {
        var (articleId, problem) = await ViewBeacon.ReadAsync(http.Request, json.Value.SerializerOptions, http.RequestAborted);
        if (problem is not null) return problem;

        var request = http.Request;
        var outcome = await ingest.RecordAsync(articleId, request.Headers.UserAgent, http.Connection.RemoteIpAddress,
            request.Cookies[ReaderIdentity.CookieName]);

        // Also with a 503: a retry then carries the same reader, so a view that reached the broker late counts once.
        if (outcome.ReaderCookie is { } reader)
            http.Response.Cookies.Append(ReaderIdentity.CookieName, ReaderIdentity.CookieValue(reader), new CookieOptions
            {
                HttpOnly = true,
                Secure = request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/api/trending",
                MaxAge = options.Value.RepeatWindow,
                IsEssential = false,
            });
        http.Response.Headers.CacheControl = "no-store";
        if (outcome.Refused)
        {
            var retryAfter = (int)Math.Ceiling(options.Value.PublishTimeout.TotalSeconds);
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The view was not recorded",
                detail: $"The message broker did not confirm the view in time; nothing was recorded. Send it again after {retryAfter} s.");
        }
        return TypedResults.Accepted((string?)null);
    }
}
