using NewsPlatform.Authoring.Import.CommandLine;
using NewsPlatform.Authoring.Import.Http;
using NewsPlatform.Authoring.Import.Seeding;

namespace NewsPlatform.Authoring.Import;

public static class ImportApi
{
    /// <summary>
    /// Everything the plain-text import adds to the Authoring host, so that Program.cs needs only this line:
    /// <c>POST /api/authoring/import</c>; the <c>import FILE...</c> command line, which runs here — after the
    /// host is built, before it starts serving — and exits; and the import of the seeds folder once the host has
    /// started.
    /// </summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        ImportCommandLine.RunIfRequested(app.ServiceProvider);

        app.MapGroup("/api/authoring/import")
            .WithTags("Import")
            .RequireAuthorization(ServiceDefaults.Security.Policies.Editor)
            .MapPost("", ImportEndpoint.HandleAsync)
            .Accepts<string>("text/plain")
            .WithName("ImportArticleText")
            .WithSummary("Import an article from plain text in the seed format")
            .WithDescription(ImportEndpoint.Description);

        SeedImport.RunOnceStarted(app.ServiceProvider);
        return app;
    }
}
