using System.Security.Claims;

namespace NewsPlatform.ServiceDefaults.Security;

/// <summary>
/// Who is asking, read from the NewsPlatform bearer token (claims as Authoring's token issuer writes
/// them, unmapped): the one place every service reads the caller's email, name and roles from, for
/// audit fields ("edited by") and permission decisions alike.
/// </summary>
public static class Caller
{
    /// <summary>Recorded when a request carries no identity (a route that should not allow that).</summary>
    public const string Unknown = "unknown";

    /// <summary>The caller's email (the token's subject when it has no email claim).</summary>
    public static string Email(this ClaimsPrincipal user) => user.FindFirstValue("email") ?? user.FindFirstValue("sub") ?? Unknown;

    /// <summary>The name to show for the caller, their email when the token has none.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue("name") ?? user.Email();

    public static IReadOnlyList<string> RoleNames(this ClaimsPrincipal user) => user.FindAll("role").Select(c => c.Value).ToList();
}
