using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace NewsPlatform.ServiceDefaults.Security;

/// <summary>Settings under <c>Jwt</c>; Authoring signs with them, every service and the gateway validate with them.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    public string Issuer { get; set; } = "newsplatform-authoring";
    public string Audience { get; set; } = "newsplatform";
    public string SigningKey { get; set; } = "";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

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
