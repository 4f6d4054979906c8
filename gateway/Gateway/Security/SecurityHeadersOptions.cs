namespace NewsPlatform.Gateway.Security;

/// <summary>Settings under <c>Gateway:SecurityHeaders</c>.</summary>
public sealed class SecurityHeadersOptions
{
    public const string Section = "SecurityHeaders";

    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
}
