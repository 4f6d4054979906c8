using NewsPlatform.Authoring.Extensions;
using NewsPlatform.Authoring.Import.Http;

namespace NewsPlatform.Authoring.Import;

public static class ImportApi
{
    /// <summary>
    /// <c>POST /api/authoring/import</c>: an article from plain text in the seed format; <c>POST .../import/batches</c>
    /// and <c>GET .../import/batches/{id}</c>: bulk imports of archives (editors).
    /// </summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        var import = app.MapGroup("/api/authoring/import")
            .WithTags("Import")
            .WithNoStore()
            .RequireAuthorization(ServiceDefaults.Security.Policies.Editor);
        // The body's type is checked by the endpoint, which names the types it takes (no Accepts: routing would refuse silently).
        import.MapPost("/batches", ImportBatchEndpoints.StartAsync)
            .WithName("StartImportBatch")
            .WithSummary("Start a bulk import of an archive of articles")
            .WithDescription(ImportBatchEndpoints.StartDescription);
        import.MapGet("/batches/{id:guid}", ImportBatchEndpoints.StatusAsync)
            .WithName("GetImportBatch")
            .WithSummary("How far a bulk import has come, and what failed")
            .WithDescription(ImportBatchEndpoints.StatusDescription);
        import.MapPost("", ImportEndpoint.HandleAsync)
            .Accepts<string>("text/plain")
            .WithName("ImportArticleText")
            .WithSummary("Import an article from plain text in the seed format")
            .WithDescription(ImportEndpoint.Description);
        return app;
    }
}
