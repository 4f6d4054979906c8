using System.Text.Json.Serialization;

namespace NewsPlatform.ServiceDefaults.Hosting;

[JsonConverter(typeof(JsonStringEnumConverter<RunState>))]
public enum RunState { Queued, Running, Succeeded, Failed }

/// <summary>
/// A long-running operation an admin starts over HTTP and then follows (a replay of relayed events, ReaderFeed's
/// rebuild): who asked and when, its state, how fast it went and, when it failed, why. Stored as a document so that
/// any instance can report on it; each kind adds its own progress figures.
/// </summary>
public abstract record AdminRun
{
    public Guid Id { get; set; }
    public RunState State { get; init; }
    public string? RequestedBy { get; init; }
    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public double EventsPerSecond { get; init; }
    public string? Error { get; init; }

    [JsonIgnore]
    public bool Finished => State is RunState.Succeeded or RunState.Failed;
}
