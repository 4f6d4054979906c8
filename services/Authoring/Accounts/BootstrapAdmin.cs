using JasperFx;
using Marten;

namespace NewsPlatform.Authoring.Accounts;

/// <summary>
/// Creates the first administrator from <c>Authoring:BootstrapAdmin:Email/Password</c> when no
/// account has that email. An existing account is never changed, so rotating the configured
/// password later does not reset a password the admin has since chosen.
/// </summary>
public sealed class BootstrapAdmin(IDocumentStore store, Passwords passwords, IConfiguration configuration, TimeProvider clock, ILogger<BootstrapAdmin> logger)
    : IHostedService
{
    public const string EmailKey = "Authoring:BootstrapAdmin:Email";
    public const string PasswordKey = "Authoring:BootstrapAdmin:Password";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = configuration[EmailKey];
        var password = configuration[PasswordKey];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogInformation("No bootstrap admin configured ({EmailKey}, {PasswordKey})", EmailKey, PasswordKey);
            return;
        }
        if (SecretStrength.WhyPlaceholder(password) is { } placeholder)
            throw new InvalidOperationException(
                $"NewsPlatform cannot start: '{PasswordKey}' is not a usable password: {placeholder}. Choose a long password of your own.");
        if (password.Length < AccountRules.PasswordMin)
            logger.LogWarning("The bootstrap admin's password is shorter than {Min} characters; change it", AccountRules.PasswordMin);

        var id = UserAccount.Normalize(email);
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<UserAccount>(id, cancellationToken) is not null) return;

        session.Insert(new UserAccount(id, "Administrator", passwords.Hash(password), [Roles.Admin], clock.GetUtcNow(), "configuration"));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the bootstrap admin {Email}", id);
        }
        catch (DocumentAlreadyExistsException)
        {
            // Another instance created it at the same moment.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
