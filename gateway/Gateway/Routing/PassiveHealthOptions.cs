using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Routing;

/// <summary>Settings under <c>Gateway:PassiveHealth</c>: how long an instance that failed proxied requests stays out of rotation.</summary>
public sealed class PassiveHealthOptions : IValidatedOptions
{
    public const string Section = "Gateway:PassiveHealth";

    /// <summary>
    /// YARP puts an instance its passive check took out back in rotation only after the longer of the cluster's
    /// ReactivationPeriod and this window. YARP's default of 60 s kept a restarted ReaderFeed out for a minute after
    /// its active probe was already healthy; 10 s matches the clusters' ReactivationPeriod.
    /// </summary>
    public TimeSpan DetectionWindow { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<SettingProblem> Validate()
    {
        if (DetectionWindow <= TimeSpan.Zero) yield return new(nameof(DetectionWindow), $"must be positive; it is {DetectionWindow}");
    }
}
