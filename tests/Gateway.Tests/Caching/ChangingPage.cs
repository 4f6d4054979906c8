using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsPlatform.Gateway.Tests.Caching;

/// <summary>
/// A stand-in ReaderFeed whose article page shows whatever headline the test last set, as ReaderFeed's page does
/// once it has projected a revision; it counts the page requests that reach it.
/// </summary>
public sealed class ChangingPage : IAsyncDisposable
{
    readonly WebApplication _app;
    volatile string _headline;
    int _served;

    ChangingPage(WebApplication app, string headline)
    {
        _app = app;
        _headline = headline;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri Address { get; }
    public int Served => Volatile.Read(ref _served);

    public string Headline
    {
        get => _headline;
        set => _headline = value;
    }

    public static async Task<ChangingPage> StartAsync(string headline)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ChangingPage? self = null;
        app.MapGet("/health/ready", () => Results.Ok(new { status = "Healthy" }));
        app.MapGet("/{**path}", (HttpContext context) =>
        {
            Interlocked.Increment(ref self!._served);
            context.Response.Headers.CacheControl = "public, max-age=10";
            return Results.Content($"<!doctype html><html lang=\"en\"><body><h1>{self._headline}</h1></body></html>", "text/html; charset=utf-8");
        });
        await app.StartAsync();
        return self = new ChangingPage(app, headline);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
