using System.Text;
using Microsoft.IdentityModel.Tokens;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Security;

/// <summary>Settings under <c>Jwt</c>; Authoring signs with them, every service and the gateway validate with them.</summary>
public sealed class JwtOptions : IValidatedOptions
{
    public const string Section = "Jwt";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    public string Issuer { get; set; } = "newsplatform-authoring";
    public string Audience { get; set; } = "newsplatform";
    public string SigningKey { get; set; } = "";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<SettingProblem> Validate()
    {
        if (SecretStrength.WhyWeakKey(SigningKey) is { } weak)
            yield return new(nameof(SigningKey), $"is not a usable signing key: {weak}. {SecretStrength.HowToMakeOne}");
        if (string.IsNullOrWhiteSpace(Issuer)) yield return new(nameof(Issuer), "must not be empty");
        if (string.IsNullOrWhiteSpace(Audience)) yield return new(nameof(Audience), "must not be empty");
        if (AccessTokenLifetime <= TimeSpan.Zero) yield return new(nameof(AccessTokenLifetime), $"must be positive; it is {AccessTokenLifetime}");
        if (ClockSkew < TimeSpan.Zero) yield return new(nameof(ClockSkew), $"must not be negative; it is {ClockSkew}");
    }

    public SymmetricSecurityKey Key() => new(Encoding.UTF8.GetBytes(SigningKey));

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key(),
        ValidAlgorithms = [Algorithm],
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = ClockSkew,
        RoleClaimType = "role",
        NameClaimType = "email",
    };
}
