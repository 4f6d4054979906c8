using NewsPlatform.Contracts;

namespace NewsPlatform.BackboneProbe;

/// <summary>The probe's domain event, appended to its Marten store.</summary>
public sealed record ProbeNoted(int Sequence, bool Poison);

/// <summary>What the relay publishes for <see cref="ProbeNoted"/>.</summary>
public sealed record ProbeNotedV1(
    Guid EventId, Guid StreamId, long StreamVersion, DateTimeOffset OccurredAt,
    int Sequence, bool Poison) : IStreamIntegrationEvent;
