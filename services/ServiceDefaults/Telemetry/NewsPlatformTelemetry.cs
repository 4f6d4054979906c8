using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsPlatform.ServiceDefaults.Telemetry;

/// <summary>The one ActivitySource and Meter every NewsPlatform component reports through.</summary>
public static class NewsPlatformTelemetry
{
    public const string SourceName = "NewsPlatform";
    public const string MeterName = "NewsPlatform";

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> EventsRelayed =
        Meter.CreateCounter<long>("newsplatform.relay.events_relayed", description: "Domain events published to RabbitMQ by the relay");

    public static readonly Counter<long> RelayPublishFailures =
        Meter.CreateCounter<long>("newsplatform.relay.publish_failures", description: "Relay pages that failed to publish and were retried");

    public static readonly Counter<long> MessagesApplied =
        Meter.CreateCounter<long>("newsplatform.consumer.messages_applied", description: "Integration events applied by idempotent consumers");

    public static readonly Counter<long> DuplicatesIgnored =
        Meter.CreateCounter<long>("newsplatform.consumer.duplicates_ignored", description: "Redelivered integration events recognised and skipped");
}
