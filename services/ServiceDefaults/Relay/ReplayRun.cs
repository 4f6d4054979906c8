using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// One replay of this service's relayed events to one queue, and how far it got; stored so that any instance can
/// report on it. Positions are the event store's global sequence numbers.
/// </summary>
public sealed record ReplayRun : AdminRun
{
    /// <summary>The one queue the events are sent to.</summary>
    public required string Queue { get; init; }
    /// <summary>The exchanges that feed the queue, whose message types the replay sends.</summary>
    public IReadOnlyList<string> Exchanges { get; init; } = [];
    /// <summary>When the run last stored progress: a Running run that stopped moving was on an instance that stopped (replay again).</summary>
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The first position replayed (inclusive): 1 from the start, or the first event at or after <see cref="FromTime"/>.</summary>
    public long FromPosition { get; init; }
    public DateTimeOffset? FromTime { get; init; }
    /// <summary>The last position replayed (inclusive): how far the relay had published when the replay started. Later events reach the queue live.</summary>
    public long ToPosition { get; init; }
    /// <summary>Every event up to here has been sent and confirmed by the broker; a failed replay resumes from the next one.</summary>
    public long Position { get; init; }
    /// <summary>Relayed events in the range, read so far / in all.</summary>
    public long EventsRead { get; init; }
    public long EventsTotal { get; init; }
    /// <summary>Messages sent to the queue (events whose message the queue receives).</summary>
    public long Sent { get; init; }
    /// <summary>Of <see cref="Sent"/>, per message type.</summary>
    public IReadOnlyDictionary<string, long> SentByType { get; init; } = new Dictionary<string, long>();
}
