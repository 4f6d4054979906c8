using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.TestKit;

/// <summary>
/// Counts, per consumer, the redeliveries the idempotent consumers recognised and skipped (the backbone's
/// <c>newsplatform.consumer.duplicates_ignored</c> measurements), from the moment it is created. A skipped
/// duplicate leaves no other trace, so this is how a test sees one was handled.
/// </summary>
public sealed class SkippedDuplicates : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentDictionary<string, long> _counts = new();

    public SkippedDuplicates()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NewsPlatformTelemetry.MeterName && instrument.Name == "newsplatform.consumer.duplicates_ignored")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "consumer" && tag.Value is string consumer) _counts.AddOrUpdate(consumer, value, (_, n) => n + value);
        });
        _listener.Start();
    }

    // The instrument by name: reading NewsPlatformTelemetry.DuplicatesIgnored here, while that type may be creating
    // its instruments on another thread, would wait on its initialisation forever.

    /// <summary>How many duplicates <typeparamref name="TConsumer"/> skipped so far.</summary>
    public long For<TConsumer>() => _counts.GetValueOrDefault(typeof(TConsumer).Name);

    public Task WaitForAsync<TConsumer>(long atLeast) =>
        Eventually.MatchAsync(() => Task.FromResult(For<TConsumer>()), n => n >= atLeast, TimeSpan.FromSeconds(30),
            $"{atLeast} duplicate(s) skipped by {typeof(TConsumer).Name}");

    public void Dispose() => _listener.Dispose();
}
