using System.Diagnostics;
using JasperFx.Events;
using MassTransit;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>
/// How a relayed event travels, whoever sends it (the live <see cref="EventRelay"/> or a replay): the event's id as
/// MessageId (what idempotent consumers key on), its stream and version as headers, and a producer span continuing
/// the trace of the request that appended it.
/// </summary>
public static class RelayEnvelope
{
    public const string StreamIdHeader = "NewsPlatform-Stream-Id";
    public const string StreamVersionHeader = "NewsPlatform-Stream-Version";
    public const string TraceParentHeader = "traceparent";

    /// <summary>A producer span named <c>{operation} {MessageType}</c>, child of the trace stamped on the event.</summary>
    public static Activity? StartActivity(string operation, IEvent e, object message) =>
        NewsPlatformTelemetry.Source.StartActivity(operation + " " + message.GetType().Name, ActivityKind.Producer, ParentContext(e));

    public static void Stamp(SendContext context, IEvent e)
    {
        context.MessageId = e.Id;
        context.Headers.Set(StreamIdHeader, e.StreamId.ToString());
        context.Headers.Set(StreamVersionHeader, e.Version);
    }

    /// <summary>The trace of the request that appended the event, so one trace spans HTTP, the relay and consumers.</summary>
    static ActivityContext ParentContext(IEvent e) =>
        e.Headers is { } headers
        && headers.TryGetValue(TraceParentHeader, out var value)
        && ActivityContext.TryParse(value?.ToString(), null, out var parent)
            ? parent
            : default;
}
