using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NewsPlatform.Authoring.Extensions;
using NewsPlatform.ServiceDefaults.Text;

namespace NewsPlatform.Authoring.Accounts;

public sealed record TokenRequest(string? Email, string? Password);
public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
public sealed record MeResponse(string Email, string DisplayName, IReadOnlyList<string> Roles);
public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Password, IReadOnlyList<string>? Roles);
public sealed record UserResponse(string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);
public sealed record UsersResponse(IReadOnlyList<UserResponse> Items);

/// <summary>Sign-in (tokens), who am I, and account administration.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts").WithNoStore();
        auth.MapPost("/token", IssueToken).AllowAnonymous();
        auth.MapGet("/me", Me).RequireAuthorization();
        auth.MapPost("/users", CreateUser).RequireAuthorization(Policies.Admin);
        auth.MapGet("/users", ListUsers).RequireAuthorization(Policies.Admin);
        auth.MapGet("/users/{email}", GetUser).RequireAuthorization(Policies.Admin);
        return app;
    }

    static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> IssueToken(
        TokenRequest request, HttpContext http, IDocumentSession session, Passwords passwords, TokenIssuer tokens, LoginThrottle throttle,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["An email is required."];
        else if (ControlCharacters.CheckSingleLine(request.Email) is { } emailError) errors["email"] = [emailError];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["A password is required."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The sign-in request is not valid");

        var email = UserAccount.Normalize(request.Email!);
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.BlockedForAsync(email, address, ct) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many failed sign-ins",
                detail: $"Too many failed sign-ins for this account or from this address; try again in {Math.Ceiling(wait.TotalMinutes)} minute(s).");
        }

        var account = await session.LoadAsync<UserAccount>(email, ct);
        var verdict = passwords.Verify(account, request.Password!);
        if (account is null || verdict == PasswordVerificationResult.Failed)
        {
            await throttle.RecordFailureAsync(email, address, ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                detail: "The email or the password is not right.");
        }

        await throttle.ResetAsync(email, ct);
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            session.Store(account with { PasswordHash = passwords.Hash(request.Password!) });
            await session.SaveChangesAsync(ct);
        }
        var token = tokens.Issue(account);
        return TypedResults.Ok(new TokenResponse(token.Value, token.ExpiresAt));
    }

    static Ok<MeResponse> Me(ClaimsPrincipal user)
    {
        return TypedResults.Ok(new MeResponse(user.Email(), user.DisplayName(), user.RoleNames()));
    }

    static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, ClaimsPrincipal admin, IDocumentSession session, Passwords passwords, TimeProvider clock, CancellationToken ct)
    {
        var errors = AccountRules.Check(request.Email, request.DisplayName, request.Password, request.Roles);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The account is not valid");

        var email = UserAccount.Normalize(request.Email!);
        if (await session.LoadAsync<UserAccount>(email, ct) is not null)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Account exists", detail: $"There is already an account for {email}.");

        var account = new UserAccount(email, request.DisplayName!.Trim(), passwords.Hash(request.Password!),
            request.Roles!.Distinct().ToList(), clock.GetUtcNow(), admin.Email());
        session.Insert(account);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Account exists", detail: $"There is already an account for {email}.");
        }
        return TypedResults.Created($"/api/auth/users/{Uri.EscapeDataString(email)}", View(account));
    }

    static async Task<Ok<UsersResponse>> ListUsers(IQuerySession session, CancellationToken ct)
    {
        var accounts = await session.Query<UserAccount>().OrderBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok(new UsersResponse(accounts.Select(View).ToList()));
    }

    static async Task<Results<Ok<UserResponse>, NotFound>> GetUser(string email, IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<UserAccount>(UserAccount.Normalize(email), ct) is { } account
            ? TypedResults.Ok(View(account))
            : TypedResults.NotFound();

    static UserResponse View(UserAccount a) => new(a.Email, a.DisplayName, a.Roles, a.CreatedAt);
}
