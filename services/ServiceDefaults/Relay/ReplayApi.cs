using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using NewsPlatform.ServiceDefaults.Security;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// The admin API of a replay, mapped by each service with a relay under its own prefix:
/// <c>POST {path}</c> → 202 with the run and its status URL; <c>GET {path}/{id}</c> → the run's progress;
/// <c>GET {path}</c> → the latest runs. Admins only.
/// </summary>
public static class ReplayApi
{
    public static RouteGroupBuilder MapReplayApi(this IEndpointRouteBuilder app, string path)
    {
        var api = app.MapGroup(path).WithTags("Replay").RequireAuthorization(Policies.Admin);
        api.MapPost("", RequestAsync).WithName("RequestReplay")
            .WithSummary("Replay this service's relayed events to one queue")
            .WithDescription("""
                Sends the events this service has relayed, from the start or from `fromTime` (ISO 8601) or `fromPosition`
                (the event store's sequence number), to the one queue named `to` and no other, with their original
                message ids: consumers ignore what they already applied, so a replay is safe to repeat. Only the message
                types the queue's bindings receive are sent. 202 with the run (poll its Location for progress);
                400 names what is wrong (an unknown queue, both starting points); 503 when RabbitMQ's management API,
                which the queue's bindings are read from, cannot be reached.
                """);
        api.MapGet("/{id:guid}", StatusAsync).WithName("ReplayStatus");
        api.MapGet("", LatestAsync).WithName("LatestReplays");
        return api;
    }

    static async Task<Results<Accepted<ReplayRun>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        ReplayRequest request, ReplayRunner runner, ReplayWorker worker, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        ReplayRun? run;
        Dictionary<string, string[]> errors;
        try
        {
            (run, errors) = await runner.PlanAsync(request, user.FindFirstValue("email") ?? user.Identity?.Name, cancellationToken);
        }
        catch (ReplayBrokerUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Cannot read the queue's bindings from RabbitMQ");
        }
        if (run is null) return TypedResults.ValidationProblem(errors, title: "The replay cannot start");

        await worker.EnqueueAsync(run, cancellationToken);
        return TypedResults.Accepted($"{http.Request.PathBase}{http.Request.Path.Value!.TrimEnd('/')}/{run.Id}", run);
    }

    static async Task<Results<Ok<ReplayRun>, ProblemHttpResult>> StatusAsync(Guid id, IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ReplayRun>(id, cancellationToken) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.Problem($"There is no replay {id}.", statusCode: StatusCodes.Status404NotFound, title: "Replay not found");
    }

    static async Task<Ok<IReadOnlyList<ReplayRun>>> LatestAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return TypedResults.Ok(await session.Query<ReplayRun>().OrderByDescending(r => r.RequestedAt).Take(20).ToListAsync(cancellationToken));
    }
}
