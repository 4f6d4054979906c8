using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// A stand-in for one instance of a NewsPlatform service, on real Kestrel at 127.0.0.1:0: it answers
/// every path with an <see cref="Echo"/> of what it received, counts what it saw, and can be made
/// unready or stopped. Query switches shape the answer: <c>status</c>, <c>setcookie</c>,
/// <c>cachecontrol</c>, <c>csp</c> (a Content-Security-Policy of the service's own), <c>delay</c> (milliseconds),
/// <c>static</c> (<see cref="StaticPage"/> instead of the echo).
/// </summary>
public sealed class StandInService : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<Echo> _seen = new();

    public string Service { get; }
    public string Instance { get; }
    public Uri Address { get; }
    public bool Ready { get; set; } = true;
    /// <summary>Ready but reporting Degraded (200), as a service does whose relay is behind.</summary>
    public bool Degraded { get; set; }
    int _readinessProbes;
    /// <summary>How many times <c>/health/ready</c> was asked (the gateway's active health check and readiness).</summary>
    public int ReadinessProbes => Volatile.Read(ref _readinessProbes);
    public bool Stopped { get; private set; }

    StandInService(WebApplication app, string service, string instance)
    {
        _app = app;
        Service = service;
        Instance = instance;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public IReadOnlyCollection<Echo> Seen => _seen;

    /// <summary>How many requests this instance received whose path and query contain <paramref name="marker"/>.</summary>
    public int Count(string marker) => _seen.Count(e => e.PathAndQuery.Contains(marker, StringComparison.Ordinal));

    public static async Task<StandInService> StartAsync(string service, string? instance = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        StandInService? self = null;
        app.MapGet("/health/ready", () =>
        {
            Interlocked.Increment(ref self!._readinessProbes);
            return !self.Ready ? Results.StatusCode(503) : Results.Ok(new { status = self.Degraded ? "Degraded" : "Healthy" });
        });
        app.Map("/{**path}", (HttpContext context) => self!.AnswerAsync(context));
        await app.StartAsync();
        self = new StandInService(app, service, instance ?? service + "-1");
        return self;
    }

    async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        long length = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0) length += read;

        var headers = request.Headers;
        var echo = new Echo(Service, Instance, request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "",
            Header(headers.Authorization), Identity(headers.Authorization), Header(headers["X-Forwarded-For"]),
            Header(headers["X-Forwarded-Proto"]), Header(headers["X-Forwarded-Host"]), Header(headers["X-Original-For"]),
            Header(headers["X-Correlation-Id"]), Header(headers["traceparent"]), length);
        _seen.Enqueue(echo);

        var query = request.Query;
        if (int.TryParse(query["delay"], out var delay)) await Task.Delay(delay, context.RequestAborted);
        if (query.ContainsKey("setcookie")) context.Response.Headers.SetCookie = "session=abc; Path=/; HttpOnly";
        if (query["cachecontrol"] is { Count: > 0 } cacheControl) context.Response.Headers.CacheControl = cacheControl;
        if (query["csp"] is { Count: > 0 } csp) context.Response.Headers.ContentSecurityPolicy = csp;
        if (request.Path.StartsWithSegments("/media"))
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        // Services may echo the correlation id too; the gateway's own echo must win.
        context.Response.Headers["X-Correlation-Id"] = "from-" + Service;
        context.Response.StatusCode = int.TryParse(query["status"], out var status) ? status : StatusCodes.Status200OK;
        context.Response.ContentType = ContentType(request.Path);
        if (query.ContainsKey("static")) await context.Response.Body.WriteAsync(StaticPage);
        else await context.Response.WriteAsync(JsonSerializer.Serialize(echo, JsonSerializerOptions.Web));
    }

    /// <summary>The same 30 KB on every request (<c>?static</c>), for comparing bytes across requests: article-like text.</summary>
    public static readonly byte[] StaticPage = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 300).Select(i =>
        $"<p>Paragraph {i}: the council voted {i % 7} to {i % 5} on the harbour plan, and the mayor said the bridge would reopen in week {i % 52}.</p>\n")));

    static string ContentType(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") ? "application/json"
        : path.StartsWithSegments("/media") ? "image/jpeg"
        : path.Value!.EndsWith(".xml", StringComparison.Ordinal) ? "application/xml"
        : "text/html; charset=utf-8";

    static string? Header(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values.ToString();

    /// <summary>The <c>email</c> claim of a bearer token, read without validation (the gateway validated it).</summary>
    static string? Identity(Microsoft.Extensions.Primitives.StringValues authorization)
    {
        var value = authorization.ToString();
        if (!value.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        var parts = value["Bearer ".Length..].Split('.');
        if (parts.Length < 2) return null;
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.TryGetProperty("email", out var email) ? email.GetString() : null;
    }

    /// <summary>Stops listening, as a crashed or removed instance would.</summary>
    public async Task StopAsync()
    {
        if (Stopped) return;
        Stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
