using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Integration;

[Collection(AuthoringCollection.Name)]
public sealed class AccountTests(AuthoringHost host)
{
    static readonly string Password = "a-long-and-secret-passphrase";

    [Fact]
    public async Task The_bootstrap_admin_signs_in_and_gets_a_short_lived_token_the_api_accepts()
    {
        var response = await host.Client().PostAsJsonAsync("/api/auth/token", new { email = AuthoringHost.AdminEmail, password = AuthoringHost.AdminPassword });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Api.JsonAsync(response);
        var token = (string)body["accessToken"]!;
        var jwt = new JsonWebToken(token);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("newsplatform-authoring", jwt.Issuer);
        Assert.Equal(["newsplatform"], jwt.Audiences);
        Assert.Equal(AuthoringHost.AdminEmail, jwt.GetClaim("email").Value);
        Assert.Equal(AuthoringHost.AdminEmail, jwt.Subject);
        Assert.Equal(["admin"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
        Assert.Equal(jwt.ValidTo, ((DateTimeOffset)body["expiresAt"]!).UtcDateTime, TimeSpan.FromSeconds(1));

        var me = await Api.JsonAsync(await host.Client(token).GetAsync("/api/auth/me"));
        Assert.Equal(AuthoringHost.AdminEmail, (string?)me["email"]);
        Assert.Equal("Administrator", (string?)me["displayName"]);
        Assert.Equal("admin", (string?)me["roles"]![0]);
    }

    [Fact]
    public async Task A_wrong_password_or_unknown_email_answers_401()
    {
        var wrong = await host.Client().PostAsJsonAsync("/api/auth/token", new { email = AuthoringHost.AdminEmail, password = "not-the-password" });
        var unknown = await host.Client().PostAsJsonAsync("/api/auth/token", new { email = "nobody@newsplatform.test", password = "whatever-it-is" });

        Assert.Equal("The email or the password is not right.", (string?)(await Api.ProblemAsync(wrong, HttpStatusCode.Unauthorized))["detail"]);
        await Api.ProblemAsync(unknown, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_admin_creates_a_writer_who_can_then_sign_in_with_the_writer_role()
    {
        var email = $"new-{Guid.NewGuid():N}@newsplatform.test";
        var created = await host.Admin().PostAsJsonAsync("/api/auth/users",
            new { email = email.ToUpperInvariant(), displayName = "Nina Writer", password = Password, roles = new[] { "writer" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/auth/users/{Uri.EscapeDataString(email)}", created.Headers.Location?.OriginalString);
        var token = await SignInAsync(email, Password);
        var me = await Api.JsonAsync(await host.Client(token).GetAsync("/api/auth/me"));
        Assert.Equal("Nina Writer", (string?)me["displayName"]);
        Assert.Equal(["writer"], me["roles"]!.AsArray().Select(r => (string)r!));
        var again = await host.Admin().PostAsJsonAsync("/api/auth/users", new { email, displayName = "Twice", password = Password, roles = new[] { "writer" } });
        await Api.ProblemAsync(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_account_with_a_weak_password_or_unknown_role_is_refused_naming_the_fields()
    {
        var response = await host.Admin().PostAsJsonAsync("/api/auth/users",
            new { email = "not-an-email", displayName = "", password = "short", roles = new[] { "owner" } });

        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        foreach (var field in new[] { "email", "displayName", "password", "roles" }) Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Repeated_failures_for_one_account_block_even_the_right_password_for_a_while()
    {
        var email = await CreateUserAsync();
        for (var i = 0; i < 5; i++)
            await Api.ProblemAsync(await TokenFromAsync("10.20.0.1", email, "wrong-password-" + i), HttpStatusCode.Unauthorized);

        var blocked = await TokenFromAsync("10.20.0.2", email, Password);

        Assert.Equal(StatusCodes.Status429TooManyRequests, (int)blocked.StatusCode);
        Assert.True(int.Parse(blocked.Headers.GetValues("Retry-After").Single()) > 0);
    }

    [Fact]
    public async Task Repeated_failures_from_one_address_block_that_address_but_not_others()
    {
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenFromAsync("10.30.0.1", $"guess{i}@newsplatform.test", "guess-" + i)).StatusCode);

        var sameAddress = await TokenFromAsync("10.30.0.1", AuthoringHost.AdminEmail, AuthoringHost.AdminPassword);
        var otherAddress = await TokenFromAsync("10.30.0.2", AuthoringHost.AdminEmail, AuthoringHost.AdminPassword);

        Assert.Equal(StatusCodes.Status429TooManyRequests, (int)sameAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherAddress.StatusCode);
    }

    async Task<string> CreateUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@newsplatform.test";
        var created = await host.Admin().PostAsJsonAsync("/api/auth/users", new { email, displayName = "Someone", password = Password, roles = new[] { "writer" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return email;
    }

    async Task<string> SignInAsync(string email, string password)
    {
        var response = await host.Client().PostAsJsonAsync("/api/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await Api.JsonAsync(response))["accessToken"]!;
    }

    /// <summary>A sign-in attempt that arrives from <paramref name="address"/>.</summary>
    async Task<HttpResponseMessage> TokenFromAsync(string address, string email, string password)
    {
        var json = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { email, password }));
        var context = await host.Factory.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            c.Request.Method = "POST";
            c.Request.Path = "/api/auth/token";
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = json.Length;
            c.Request.Body = new MemoryStream(json);
            c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
        });
        var response = new HttpResponseMessage((HttpStatusCode)context.Response.StatusCode)
        {
            Content = new StringContent(await new StreamReader(context.Response.Body).ReadToEndAsync()),
        };
        response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(context.Response.ContentType ?? "text/plain");
        foreach (var (name, values) in context.Response.Headers) response.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        return response;
    }

    sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
