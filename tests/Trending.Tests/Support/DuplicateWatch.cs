using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NewsPlatform.ServiceDefaults.Telemetry;

namespace NewsPlatform.Trending.Tests.Support;

/// <summary>Counts, per consumer, the redeliveries the idempotent consumers recognised and skipped.</summary>
public sealed class DuplicateWatch : IDisposable
{
    readonly MeterListener _listener = new();
    readonly ConcurrentDictionary<string, long> _counts = new();

    public DuplicateWatch()
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

    public long For<TConsumer>() => _counts.GetValueOrDefault(typeof(TConsumer).Name);

    public Task WaitForAsync<TConsumer>(long atLeast) =>
        Eventually.MatchAsync(() => Task.FromResult(For<TConsumer>()), n => n >= atLeast, TimeSpan.FromSeconds(20),
            $"{atLeast} duplicate(s) skipped by {typeof(TConsumer).Name}");

    public void Dispose() => _listener.Dispose();
}
