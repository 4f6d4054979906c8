using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NewsPlatform.TestKit;

/// <summary>
/// Bearer tokens shaped like Authoring's, signed with the test key — and the broken ones an attacker
/// would try (expired, wrong audience, wrong key, unsigned).
/// </summary>
public static class TestTokens
{
    public const string Issuer = "newsplatform-authoring";
    public const string Audience = "newsplatform";

    public static string For(string role, string email = "someone@newsplatform.test") =>
        Create(email, [role], TestEnvironment.JwtSigningKey, Audience, DateTime.UtcNow.AddMinutes(10));

    public static string Expired(string role) =>
        Create("late@newsplatform.test", [role], TestEnvironment.JwtSigningKey, Audience, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(-20));

    public static string WrongAudience(string role) =>
        Create("elsewhere@newsplatform.test", [role], TestEnvironment.JwtSigningKey, "some-other-app", DateTime.UtcNow.AddMinutes(10));

    public static string WrongKey(string role) =>
        Create("forger@newsplatform.test", [role], "a-completely-different-signing-key-0123456789", Audience, DateTime.UtcNow.AddMinutes(10));

    /// <summary>A token with <c>alg: none</c> and no signature.</summary>
    public static string Unsigned(string role)
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return B64("""{"alg":"none","typ":"JWT"}""") + "." +
               B64($$"""{"email":"none@newsplatform.test","role":"{{role}}","iss":"{{Issuer}}","aud":"{{Audience}}","exp":{{exp}}}""") + ".";
    }

    static string Create(string email, string[] roles, string key, string audience, DateTime expires, DateTime? notBefore = null)
    {
        var claims = new List<Claim> { new("email", email), new("sub", email), new("name", email) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var issuedAt = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
