using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates the bearer tokens Authoring issues (issuer, audience, lifetime, HS256 only, key)
    /// and defines one policy per minimum role. Used by every service and the gateway.
    /// </summary>
    public static IHostApplicationBuilder AddNewsroomAuthentication(this IHostApplicationBuilder builder)
    {
        // Missing gets its own message (where to set it); a weak key is refused by JwtOptions.Validate.
        builder.Configuration.Require($"{JwtOptions.Section}:SigningKey");
        var jwt = builder.AddValidatedOptions<JwtOptions>(JwtOptions.Section);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = jwt.ValidationParameters();
                o.Events = new JwtBearerEvents
                {
                    // A problem-details body instead of an empty 401/403.
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await Problem(context.HttpContext, StatusCodes.Status401Unauthorized, "Authentication required",
                            context.AuthenticateFailure is null
                                ? "This route needs a bearer token from POST /api/auth/token."
                                : "The bearer token is not valid: it is expired, malformed, or not issued by NewsPlatform.");
                    },
                    OnForbidden = context => Problem(context.HttpContext, StatusCodes.Status403Forbidden, "Forbidden",
                        "Your role does not allow this action."),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Writer, p => p.RequireRole(Roles.AtLeast(Roles.Writer)))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.AtLeast(Roles.Editor)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.AtLeast(Roles.Admin)));
        return builder;
    }

    static Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return Results.Problem(statusCode: status, title: title, detail: detail).ExecuteAsync(context);
    }
}
