using NewsPlatform.Authoring.Extensions;
using NewsPlatform.Authoring.Import.Http;

namespace NewsPlatform.Authoring.Import;

public static class ImportApi
{
    /// <summary><c>POST /api/authoring/import</c>: an article from plain text in the seed format (editors).</summary>
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/authoring/import")
            .WithTags("Import")
            .WithNoStore()
            .RequireAuthorization(ServiceDefaults.Security.Policies.Editor)
            .MapPost("", ImportEndpoint.HandleAsync)
            .Accepts<string>("text/plain")
            .WithName("ImportArticleText")
            .WithSummary("Import an article from plain text in the seed format")
            .WithDescription(ImportEndpoint.Description);
        return app;
    }
}
