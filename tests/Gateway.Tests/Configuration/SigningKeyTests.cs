using NewsPlatform.ServiceDefaults.Security;
using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Configuration;

/// <summary>
/// A signing key copied unchanged from an example file is publicly known: anyone could forge an admin's token
/// with it. Every process that validates tokens refuses such a key at start-up and says how to make one.
/// </summary>
public sealed class SigningKeyTests
{
    static string ExampleValue(string file, string key) =>
        File.ReadLines(Path.Combine(ProjectOutput.RepositoryRoot, file))
            .Select(line => line.Split('=', 2))
            .Single(parts => parts.Length == 2 && parts[0].Trim() == key)[1].Trim();

    [Theory]
    [InlineData(".env.example", "JWT_SIGNING_KEY")]
    [InlineData("deploy/k8s/base/secrets.env.example", "jwt-signing-key")]
    public void The_example_files_keys_are_refused(string file, string setting) =>
        Assert.Contains("placeholder", SecretStrength.WhyWeakKey(ExampleValue(file, setting)));

    [Theory]
    [InlineData(".env.example", "ADMIN_PASSWORD")]
    [InlineData("deploy/k8s/base/secrets.env.example", "admin-password")]
    public void The_example_files_admin_passwords_are_refused(string file, string setting) =>
        Assert.NotNull(SecretStrength.WhyPlaceholder(ExampleValue(file, setting)));

    [Theory]
    [InlineData("changeme-changeme-changeme-changeme-changeme")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("abababababababababababababababababababababab")]
    [InlineData("0123012301230123012301230123012301230123")]
    [InlineData("short-but-random-Qx7#")]
    public void Placeholders_repeated_patterns_and_short_keys_are_refused(string key) =>
        Assert.NotNull(SecretStrength.WhyWeakKey(key));

    [Theory]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")] // openssl rand -hex 32
    [InlineData("3q2+7wZk1v9XcNf0YpLr8TtB4uHs6Me5Ja2Dg0Wi1Ko=")]                      // openssl rand -base64 32
    [InlineData(TestEnvironment.JwtSigningKey)]
    public void Generated_keys_are_accepted(string key) =>
        Assert.Null(SecretStrength.WhyWeakKey(key));

    [Theory]
    [InlineData("replace-with-a-long-password")]
    [InlineData("changeme")]
    [InlineData("Password")]
    public void Placeholder_passwords_are_named(string password) =>
        Assert.NotNull(SecretStrength.WhyPlaceholder(password));

    [Fact]
    public void A_passphrase_of_ones_own_is_not_a_placeholder() =>
        Assert.Null(SecretStrength.WhyPlaceholder("correct horse battery staple"));

    [Fact]
    public async Task The_gateway_refuses_to_start_with_the_example_key_and_says_how_to_make_one()
    {
        var key = ExampleValue(".env.example", "JWT_SIGNING_KEY");
        var settings = new Dictionary<string, string?> { ["Jwt:SigningKey"] = key };

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ServiceProcess.StartAsync("gateway/Gateway", "NewsPlatform.Gateway", settings));

        Assert.Contains("'Jwt:SigningKey' is not a usable signing key", failure.Message);
        Assert.Contains("openssl rand -hex 32", failure.Message);
    }
}
