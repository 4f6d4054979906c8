using System.Net.Mail;
using NewsPlatform.ServiceDefaults.Text;

namespace NewsPlatform.Authoring.Accounts;

/// <summary>What a new account must look like.</summary>
public static class AccountRules
{
    public const int PasswordMin = 12;
    public const int PasswordMax = 256;
    public const int DisplayNameMax = 100;
    public const int EmailMax = 254;

    public static Dictionary<string, string[]> Check(string? email, string? displayName, string? password, IReadOnlyList<string>? roles)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(email) || email.Length > EmailMax || !IsEmail(email.Trim()))
            errors["email"] = ["A valid email address is required."];
        if (string.IsNullOrWhiteSpace(displayName)) errors["displayName"] = ["A display name is required."];
        else if (displayName.Trim().Length > DisplayNameMax) errors["displayName"] = [$"At most {DisplayNameMax} characters."];
        else if (ControlCharacters.CheckSingleLine(displayName) is { } nameError) errors["displayName"] = [nameError];
        if (password is null || password.Length < PasswordMin)
            errors["password"] = [$"At least {PasswordMin} characters; a passphrase of a few words is best."];
        else if (password.Length > PasswordMax) errors["password"] = [$"At most {PasswordMax} characters."];
        if (roles is null || roles.Count == 0) errors["roles"] = [$"At least one role: {string.Join(", ", Roles.All)}."];
        else if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
            errors["roles"] = [$"'{unknown}' is not a role; use {string.Join(", ", Roles.All)}."];
        return errors;
    }

    static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
