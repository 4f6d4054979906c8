namespace NewsPlatform.Authoring.Accounts;

/// <summary>A newsroom account. Id is the normalised (trimmed, lower-case) email.</summary>
public sealed record UserAccount(
    string Id,
    string DisplayName,
    string PasswordHash,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    public string Email => Id;

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
