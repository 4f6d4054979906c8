using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.ServiceDefaults.Health;

/// <summary>Settings under <c>Health</c>: what <c>/health/*</c> tells whoever asks.</summary>
public sealed class HealthOptions : IValidatedOptions
{
    public const string Section = "Health";

    /// <summary>Each check's data (addresses, queue names, exception messages); the gateway, reachable from the internet, turns it off.</summary>
    public bool ShowData { get; set; } = true;

    public IEnumerable<SettingProblem> Validate() => [];
}
