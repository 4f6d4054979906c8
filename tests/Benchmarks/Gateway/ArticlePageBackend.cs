using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.TestKit;

namespace NewsPlatform.Benchmarks.Gateway;

/// <summary>
/// A ReaderFeed-shaped stand-in on Kestrel (the full ServiceDefaults pipeline: telemetry, problem details,
/// authentication, health) that answers an article page of about 4.9 KB from a byte array — the cheapest page
/// a service can serve, so the gateway's own cost per request shows in full. Hosted in the benchmark process,
/// which does nothing else while wrk runs, so its CPU is the stand-in's.
/// </summary>
public sealed class ArticlePageBackend : IAsyncDisposable
{
    public const string Path = "/news/klimaet-er-til-debat";
    public static readonly byte[] Page = Encoding.UTF8.GetBytes(BuildPage());

    readonly WebApplication _app;

    ArticlePageBackend(WebApplication app) => _app = app;

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public static async Task<ArticlePageBackend> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey;
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults("readerfeed");
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/news/{slug}", () => Results.Bytes(Page, "text/html; charset=utf-8")).AllowAnonymous();
        await app.StartAsync();
        return new ArticlePageBackend(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    static string BuildPage()
    {
        var html = new StringBuilder("<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Klimaet er til debat</title>" +
            "<link rel=\"stylesheet\" href=\"/assets/site.css\"></head><body><article><h1>Klimaet er til debat</h1>" +
            "<p class=\"byline\">Camilla Jessen · <time datetime=\"2025-01-14T12:36:00Z\">Jan.14 - 2025 1:36 PM CET</time></p>" +
            "<figure><img src=\"/media/3f2b/1024.jpg\" alt=\"Demonstrators\"><figcaption>Photo: Stefan Bruder / Shutterstock.com</figcaption></figure>");
        var paragraph = "<p>Politicians and experts met in parliament on Tuesday to discuss how the country should meet its climate " +
                        "targets, and what the costs will be for households, farmers and industry in the years ahead.</p>";
        while (html.Length < 4800) html.Append(paragraph);
        return html.Append("</article></body></html>").ToString();
    }
}
