using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.ReaderFeed.Rebuild;

/// <summary>POST /api/feed/rebuild (admin): 202 and a status URL; the rebuild runs in the background.</summary>
public static class RebuildApi
{
    public static IEndpointRouteBuilder MapRebuildApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feed/rebuild").WithTags("Rebuild").RequireAuthorization(Policies.Admin);
        api.MapPost("/", Request).WithName("RebuildReadModels");
        api.MapGet("/{id:guid}", Status).WithName("RebuildStatus");
        return app;
    }

    static async Task<Accepted<RebuildRun>> Request(RebuildWorker worker, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var run = await worker.RequestAsync(user.Email(), cancellationToken);
        return TypedResults.Accepted($"/api/feed/rebuild/{run.Id}", run);
    }

    static async Task<Results<Ok<RebuildRun>, ProblemHttpResult>> Status(Guid id, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<RebuildRun>(id, cancellationToken) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem($"There is no rebuild {id}.", statusCode: StatusCodes.Status404NotFound, title: "Rebuild not found");
    }
}
