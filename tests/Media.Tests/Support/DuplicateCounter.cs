using System.Diagnostics.Metrics;

namespace NewsPlatform.Media.Tests.Support;

/// <summary>Counts the backbone's "duplicate ignored" measurements for one consumer.</summary>
public sealed class DuplicateCounter : IDisposable
{
    readonly MeterListener _listener = new();
    long _count;

    public DuplicateCounter(string consumer)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "newsplatform.consumer.duplicates_ignored") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "consumer" && Equals(tag.Value, consumer)) Interlocked.Add(ref _count, value);
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
