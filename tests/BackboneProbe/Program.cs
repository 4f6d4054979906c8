using Marten;
using NewsPlatform.BackboneProbe;
using NewsPlatform.ServiceDefaults.EventStore;
using NewsPlatform.ServiceDefaults.Hosting;

// Probe:Role = relay (appends and relays), consumer (applies), or both.
var builder = WebApplication.CreateBuilder(args);
var name = builder.Configuration["Probe:Name"] ?? "probe";
var role = builder.Configuration["Probe:Role"] ?? "both";
builder.AddServiceDefaults(name);
builder.AddEventBackbone(name, o =>
{
    o.Marten = opts => opts.Events.AddEventType<ProbeNoted>();
    if (role is "relay" or "both")
        o.Relay = map => map.Map<ProbeNoted>(e =>
            new ProbeNotedV1(e.Id, e.StreamId, e.Version, e.Timestamp, e.Data.Sequence, e.Data.Poison));
    if (role is "consumer" or "both")
        o.Consumers = x => x.AddConsumer<ProbeNotedConsumer>();
});

var app = builder.Build();
await ProbeSchema.EnsureAsync(app.Configuration["ConnectionStrings:Postgres"]!, name);
app.UseServiceDefaults();

// Appends `count` events (sequences from..from+count-1), each in a stream of its own, `batch` per commit.
app.MapPost("/probe/append", async (IDocumentStore store, int from, int count, int? batch, bool? poison) =>
{
    var size = Math.Max(1, batch ?? 100);
    for (var start = 0; start < count; start += size)
    {
        await using var session = store.LightweightSession();
        for (var i = start; i < Math.Min(count, start + size); i++)
            session.Events.StartStream(Guid.NewGuid(), new ProbeNoted(from + i, poison ?? false));
        await session.SaveChangesAsync();
    }
    return TypedResults.Ok(new { appended = count });
}).AllowAnonymous();

app.Run();

namespace NewsPlatform.BackboneProbe
{
    /// <summary>Names this host's assembly for tests.</summary>
    public sealed class ProbeEntryPoint;
}
