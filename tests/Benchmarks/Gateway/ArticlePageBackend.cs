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
using Npgsql;

namespace NewsPlatform.Benchmarks.Gateway;

/// <summary>
/// A ReaderFeed-shaped service on Kestrel (the full ServiceDefaults pipeline: telemetry, problem details,
/// authentication, health) serving an article page of about 4.9 KB two ways: from memory (the cheapest
/// page a service can serve, so the gateway's cost shows in full) and read from PostgreSQL by slug on
/// every request (as a read model is served).
/// </summary>
public sealed class ArticlePageBackend : IAsyncDisposable
{
    public const string Slug = "klimaet-er-til-debat";
    public const string MemoryPage = "/news/" + Slug;
    public const string DatabasePage = "/world/" + Slug;
    public static readonly byte[] Page = Encoding.UTF8.GetBytes(BuildPage());

    readonly WebApplication _app;
    readonly NpgsqlDataSource _database;

    ArticlePageBackend(WebApplication app, NpgsqlDataSource database) => (_app, _database) = (app, database);

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public static async Task<ArticlePageBackend> StartAsync(TestDatabase database)
    {
        var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var create = dataSource.CreateCommand("create table article_page (slug text primary key, html bytea not null)"))
            await create.ExecuteNonQueryAsync();
        await using (var setup = dataSource.CreateCommand("insert into article_page values ($1, $2)"))
        {
            setup.Parameters.AddWithValue(Slug);
            setup.Parameters.AddWithValue(Page);
            await setup.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Jwt:SigningKey"] = TestEnvironment.JwtSigningKey;
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults("readerfeed");
        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/news/{slug}", () => Results.Bytes(Page, "text/html; charset=utf-8")).AllowAnonymous();
        app.MapGet("/world/{slug}", async (string slug) =>
        {
            await using var query = dataSource.CreateCommand("select html from article_page where slug = $1");
            query.Parameters.AddWithValue(slug);
            return await query.ExecuteScalarAsync() is byte[] html
                ? Results.Bytes(html, "text/html; charset=utf-8")
                : Results.NotFound();
        }).AllowAnonymous();
        await app.StartAsync();
        return new ArticlePageBackend(app, dataSource);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
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
