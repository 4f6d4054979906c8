using Microsoft.AspNetCore.Identity;

namespace NewsPlatform.Authoring.Accounts;

/// <summary>ASP.NET Core's password hasher (PBKDF2, salted, versioned) for newsroom accounts.</summary>
public sealed class Passwords
{
    readonly PasswordHasher<UserAccount> _hasher = new();
    readonly string _decoy;

    public Passwords() => _decoy = _hasher.HashPassword(null!, Guid.NewGuid().ToString());

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>
    /// Checks <paramref name="password"/> against the account, or against a decoy hash when there is
    /// no such account, so a wrong email costs the same time as a wrong password.
    /// </summary>
    public PasswordVerificationResult Verify(UserAccount? account, string password) =>
        account is null
            ? Fail(_hasher.VerifyHashedPassword(null!, _decoy, password))
            : _hasher.VerifyHashedPassword(account, account.PasswordHash, password);

    static PasswordVerificationResult Fail(PasswordVerificationResult _) => PasswordVerificationResult.Failed;
}
