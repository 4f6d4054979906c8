using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using NewsPlatform.Authoring.Accounts;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.Authoring.Tests.Http;

/// <summary>Every service reads who is asking from the token Authoring issues, through <see cref="Caller"/>.</summary>
public sealed class CallerTests
{
    static readonly JwtOptions Jwt = new() { SigningKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)) };

    [Fact]
    public async Task A_signed_in_editor_is_read_back_by_email_name_and_roles()
    {
        var account = new UserAccount("ines.editor@newsroom.example", "Inès Martin", "hash", ["writer", "editor"], DateTimeOffset.UtcNow, "admin@newsroom.example");
        var token = new TokenIssuer(Options.Create(Jwt), TimeProvider.System).Issue(account);

        var validated = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token.Value, Jwt.ValidationParameters());
        Assert.True(validated.IsValid, validated.Exception?.Message);
        var user = new System.Security.Claims.ClaimsPrincipal(validated.ClaimsIdentity);

        Assert.Equal("ines.editor@newsroom.example", user.Email());
        Assert.Equal("ines.editor@newsroom.example", user.Identity?.Name);
        Assert.Equal("Inès Martin", user.DisplayName());
        Assert.Equal(["writer", "editor"], user.RoleNames());
    }

    [Fact]
    public void A_request_without_identity_is_recorded_as_unknown()
    {
        var anonymous = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());

        Assert.Equal(Caller.Unknown, anonymous.Email());
        Assert.Equal(Caller.Unknown, anonymous.DisplayName());
        Assert.Empty(anonymous.RoleNames());
    }
}
