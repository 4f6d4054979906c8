using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NewsPlatform.Authoring.Accounts;

public sealed record AccessToken(string Value, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs the short-lived HS256 bearer tokens every NewsPlatform service validates with the same
/// <see cref="JwtOptions"/>: claims sub, email, name and one "role" per role.
/// </summary>
public sealed class TokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    static readonly JsonWebTokenHandler Handler = new();

    public AccessToken Issue(UserAccount user)
    {
        var jwt = options.Value;
        var now = clock.GetUtcNow();
        var expires = now + jwt.AccessTokenLifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Email),
            new(JwtRegisteredClaimNames.Email, user.Email),
            new(JwtRegisteredClaimNames.Name, user.DisplayName),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(user.Roles.Select(r => new Claim("role", r)));

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Issuer,
            Audience = jwt.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(jwt.Key(), JwtOptions.Algorithm),
        });
        return new AccessToken(token, expires);
    }
}
