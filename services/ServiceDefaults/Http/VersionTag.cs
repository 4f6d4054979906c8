using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsPlatform.ServiceDefaults.Http;

/// <summary>What a request's <c>If-Match</c> said: absent, a stream version, or something that is not one.</summary>
public readonly record struct IfMatch(bool Present, long? Version)
{
    /// <summary>Sent, but not the quoted version of an ETag this API returned.</summary>
    public bool IsInvalid => Present && Version is null;
}

/// <summary>
/// The ETag of an event-sourced resource is its stream version in quotes (<c>"7"</c>); a client sends it
/// back in <c>If-Match</c> so that a write applies only to the version it saw. One rule for every
/// service: exactly one entity tag, a positive version in quotes, strong or weak (<c>W/"7"</c>, as a
/// compressing proxy may weaken it). A bare number, a list or <c>*</c> is refused with
/// <see cref="InvalidIfMatch"/>.
/// </summary>
public static class VersionTag
{
    public static string ETag(long version) => $"\"{version}\"";

    public static IfMatch ReadIfMatch(HttpRequest request) => Parse(request.Headers.IfMatch.ToString());

    public static IfMatch Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return new(false, null);
        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        var quoted = value.Length >= 3 && value[0] == '"' && value[^1] == '"';
        return quoted && long.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? new(true, version)
            : new(true, null);
    }

    /// <summary>400 for an <c>If-Match</c> that is not one of this API's ETags.</summary>
    public static ProblemHttpResult InvalidIfMatch() => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "If-Match is not valid",
        detail: "If-Match must be the ETag this API returned: one version number in quotes, such as \"3\".");
}
