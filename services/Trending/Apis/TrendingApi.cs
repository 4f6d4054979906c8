using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NewsPlatform.ServiceDefaults.Security;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Ranking;
using NewsPlatform.Trending.Replay;

namespace NewsPlatform.Trending.Apis;

public static class TrendingApi
{
    /// <summary>Beacons in, Trending Now out, replay of any past instant; all public except the node stats.</summary>
    public static IEndpointRouteBuilder MapTrendingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/trending").WithTags("Trending");

        api.MapPost("/views", RecordView.Handle).AllowAnonymous()
            .AddOpenApiOperationTransformer(DescribeBeacon)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Records that a reader viewed an article (202 whether or not it counts; 503 if the broker did not take it)");

        api.MapGet("", GetTrending.Handle).AllowAnonymous()
            .WithSummary("Trending Now: the top articles by decayed views, site-wide or in one section");

        api.MapGet("/replay", GetReplay.Handle).AllowAnonymous()
            .WithSummary("Trending Now as it was at a past instant, with the configured or any other half-life");

        api.MapGet("/stats", GetIngestStats.Handle).RequireAuthorization(Policies.Admin)
            .WithSummary("This node's ingest counters since it started (admin)");

        return app;
    }

    // The beacon body is read by hand (see ViewBeacon), so the document is told its shape here; declaring
    // Accepts<T> instead would make routing refuse other content types with a bare 415.
    static Task DescribeBeacon(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var body = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { "articleId" },
            Properties = new Dictionary<string, IOpenApiSchema> { ["articleId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" } },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The article being read. navigator.sendBeacon may send it as text/plain.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = body },
                ["text/plain"] = new() { Schema = body },
            },
        };
        return Task.CompletedTask;
    }
}
