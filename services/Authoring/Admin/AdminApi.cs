using NewsPlatform.Authoring.Extensions;
using NewsPlatform.ServiceDefaults.Relay;

namespace NewsPlatform.Authoring.Admin;

public static class AdminApi
{
    /// <summary>
    /// <c>/api/authoring/admin</c> (admins only): <c>replays</c> sends Authoring's relayed article events again to one
    /// consumer's queue, e.g. a ReaderFeed whose database was lost (docs/operations.md, "Replaying events to one consumer").
    /// </summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/authoring/admin")
            .WithNoStore()
            .MapReplayApi("/replays");
        return app;
    }
}
