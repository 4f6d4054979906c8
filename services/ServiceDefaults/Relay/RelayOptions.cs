using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Relay;

/// <summary>Settings under <c>Relay</c>: how soon the relay sees new events, and when its lag makes readiness Degraded.</summary>
public sealed class RelayOptions : IValidatedOptions
{
    public const string Section = "Relay";

    /// <summary>How often the daemon looks for new events while there are some (a NOTIFY usually wakes it first).</summary>
    public TimeSpan FastPollingTime { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often it looks while the store is quiet: the safety net for a lost notification.</summary>
    public TimeSpan SlowPollingTime { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Events not yet relayed beyond which readiness is Degraded (still 200: lag never takes an instance out).</summary>
    public long DegradedLag { get; set; } = 10_000;

    public IEnumerable<SettingProblem> Validate()
    {
        if (FastPollingTime <= TimeSpan.Zero) yield return new(nameof(FastPollingTime), $"must be positive; it is {FastPollingTime}");
        if (SlowPollingTime < FastPollingTime)
            yield return new(nameof(SlowPollingTime), $"must be at least FastPollingTime ({FastPollingTime}); it is {SlowPollingTime}");
        if (DegradedLag < 1) yield return new(nameof(DegradedLag), $"must be at least 1 event; it is {DegradedLag}");
    }
}
