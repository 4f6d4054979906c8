namespace NewsPlatform.Contracts;

/// <summary>
/// Every message that crosses a service boundary. <see cref="EventId"/> is also the MassTransit
/// MessageId, so a consumer can recognise a redelivery.
/// </summary>
public interface IIntegrationEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
}

/// <summary>
/// An integration event relayed from a Marten stream. <see cref="StreamVersion"/> lets a consumer
/// ignore anything older than what it has already applied for that stream.
/// </summary>
public interface IStreamIntegrationEvent : IIntegrationEvent
{
    Guid StreamId { get; }
    long StreamVersion { get; }
}
