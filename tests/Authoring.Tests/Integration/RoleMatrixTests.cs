using System.Net;
using System.Net.Http.Json;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Integration;

/// <summary>Every editorial route refuses anonymous and forged tokens (401) and the wrong role (403).</summary>
[Collection(AuthoringCollection.Name)]
public sealed class RoleMatrixTests(AuthoringHost host)
{
    public sealed record Route(string Method, string Path, string MinimumRole, object? Body = null)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    const string Article = "/api/authoring/articles/{id}";

    public static readonly Route[] Routes =
    [
        new("POST", "/api/authoring/articles", "writer", Api.Draft()),
        new("GET", "/api/authoring/articles", "writer"),
        new("GET", Article, "writer"),
        new("PUT", Article, "writer", new { headline = "Changed" }),
        new("POST", Article + "/submit", "writer"),
        new("GET", Article + "/revisions", "writer"),
        new("GET", Article + "/revisions/1", "writer"),
        new("GET", Article + "/diff?from=1&to=1", "writer"),
        new("GET", Article + "/audit", "writer"),
        new("POST", Article + "/approve", "editor"),
        new("POST", Article + "/publish", "editor"),
        new("POST", Article + "/schedule", "editor", new { publishAt = DateTimeOffset.UtcNow.AddDays(1) }),
        new("POST", Article + "/unschedule", "editor"),
        new("POST", Article + "/unpublish", "editor", new { reason = "legal" }),
        new("POST", Article + "/corrections", "editor", new { note = "A fix." }),
        new("GET", "/api/auth/me", "writer"),
        new("POST", "/api/auth/users", "admin", new { email = "x@newsplatform.test", displayName = "X", password = "long-enough-password", roles = new[] { "writer" } }),
        new("GET", "/api/auth/users", "admin"),
    ];

    public static IEnumerable<object[]> RoutesAndBadTokens() =>
        from route in Routes
        from kind in new[] { "none", "expired", "wrong-audience", "alg-none", "wrong-key" }
        select new object[] { route, kind };

    public static IEnumerable<object[]> RestrictedRoutes() =>
        from route in Routes
        where route.MinimumRole != "writer"
        from role in route.MinimumRole == "admin" ? new[] { "writer", "editor" } : new[] { "writer" }
        select new object[] { route, role };

    public static IEnumerable<object[]> AllRoutes() => Routes.Select(r => new object[] { r });

    [Theory]
    [MemberData(nameof(RoutesAndBadTokens))]
    public async Task Without_a_valid_token_every_route_answers_401(Route route, string kind)
    {
        var token = kind switch
        {
            "none" => null,
            "expired" => TestTokens.Expired("admin"),
            "wrong-audience" => TestTokens.WrongAudience("admin"),
            "alg-none" => TestTokens.Unsigned("admin"),
            "wrong-key" => TestTokens.WrongKey("admin"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await SendAsync(host.Client(token), route, await ArticleIdAsync());

        await Api.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RestrictedRoutes))]
    public async Task A_role_below_the_route_minimum_answers_403(Route route, string role)
    {
        var response = await SendAsync(host.Client(TestTokens.For(role, "writer@newsplatform.test")), route, await ArticleIdAsync());

        await Api.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task The_minimum_role_gets_past_authorization(Route route)
    {
        var response = await SendAsync(host.Client(TestTokens.For(route.MinimumRole, "writer@newsplatform.test")), route, await ArticleIdAsync());

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
    }

    async Task<Guid> ArticleIdAsync() => Api.Id(await Api.CreateAsync(host.Writer("writer@newsplatform.test")));

    static Task<HttpResponseMessage> SendAsync(HttpClient client, Route route, Guid id)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path.Replace("{id}", id.ToString()));
        if (route.Body is not null) request.Content = JsonContent.Create(route.Body, route.Body.GetType());
        if (route.Method == "PUT") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return client.SendAsync(request);
    }
}
