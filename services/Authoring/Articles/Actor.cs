using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Authoring.Articles;

/// <summary>Who asks for a change, as the decisions see it: an email and the roles from the token.</summary>
public sealed record Actor(string Email, IReadOnlyCollection<string> Roles)
{
    public bool IsEditor => Roles.Contains(ServiceDefaults.Security.Roles.Editor) || Roles.Contains(ServiceDefaults.Security.Roles.Admin);

    public bool IsWriter => IsEditor || Roles.Contains(ServiceDefaults.Security.Roles.Writer);

    public bool Wrote(Article article) => string.Equals(article.CreatedBy, Email, StringComparison.OrdinalIgnoreCase);

    public static Actor Writer(string email) => new(email, [ServiceDefaults.Security.Roles.Writer]);
    public static Actor Editor(string email) => new(email, [ServiceDefaults.Security.Roles.Editor]);
}
