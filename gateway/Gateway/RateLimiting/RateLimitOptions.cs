using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.RateLimiting;

/// <summary>One limit under <c>Gateway:RateLimits:{policy}</c>: so many requests per client address per window.</summary>
public sealed class RateLimitOptions : IValidatedOptions
{
    public int PermitLimit { get; set; } = 60;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<SettingProblem> Validate()
    {
        if (PermitLimit < 1) yield return new(nameof(PermitLimit), $"must be positive; it is {PermitLimit}");
        if (Window <= TimeSpan.Zero) yield return new(nameof(Window), $"must be positive; it is {Window}");
    }

    public override string ToString() => $"{PermitLimit} requests per {Window.TotalSeconds:0} s";
}
