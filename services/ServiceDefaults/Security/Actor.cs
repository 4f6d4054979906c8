using System.Security.Claims;

namespace NewsPlatform.ServiceDefaults.Security;

/// <summary>Who asks for a change, as a service's decisions see it: an email and the roles from the token.</summary>
public sealed record Actor(string Email, IReadOnlyCollection<string> Roles)
{
    public bool IsEditor => Roles.Contains(Security.Roles.Editor) || Roles.Contains(Security.Roles.Admin);

    public bool IsWriter => IsEditor || Roles.Contains(Security.Roles.Writer);

    /// <summary>Whether <paramref name="email"/> (a creator or uploader recorded on a stream) is this actor.</summary>
    public bool Is(string? email) => string.Equals(email, Email, StringComparison.OrdinalIgnoreCase);

    public static Actor Of(ClaimsPrincipal user) => new(user.Email(), user.RoleNames());

    public static Actor Writer(string email) => new(email, [Security.Roles.Writer]);
    public static Actor Editor(string email) => new(email, [Security.Roles.Editor]);
}
