using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Security;

/// <summary>Settings under <c>Gateway:SecurityHeaders</c>.</summary>
public sealed class SecurityHeadersOptions : IValidatedOptions
{
    public const string Section = "Gateway:SecurityHeaders";

    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public IEnumerable<SettingProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(ContentSecurityPolicy)) yield return new(nameof(ContentSecurityPolicy), "must not be empty");
    }
}
