using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Health;

/// <summary>Settings under <c>Gateway:Readiness</c>: how the gateway's readiness asks the services behind it.</summary>
public sealed class ReadinessOptions : IValidatedOptions
{
    public const string Section = "Gateway:Readiness";

    /// <summary>How long one service instance may take to answer its <c>/health/ready</c>.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>What a service with no ready instance makes the gateway: Unhealthy (503), or Degraded to stay in rotation.</summary>
    public HealthStatus ServiceDownStatus { get; set; } = HealthStatus.Unhealthy;

    public IEnumerable<SettingProblem> Validate()
    {
        if (Timeout <= TimeSpan.Zero) yield return new(nameof(Timeout), $"must be positive; it is {Timeout}");
        if (!Enum.IsDefined(ServiceDownStatus)) yield return new(nameof(ServiceDownStatus), $"must be Unhealthy or Degraded; it is {ServiceDownStatus}");
    }
}
