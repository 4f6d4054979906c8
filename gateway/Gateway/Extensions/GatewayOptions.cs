using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Gateway.Extensions;

/// <summary>The gateway's own settings directly under <c>Gateway</c> (<c>Gateway__RetryAfter</c>, ...).</summary>
public sealed class GatewayOptions : IValidatedOptions
{
    public const string Section = "Gateway";

    /// <summary>The request-body limit of a route that sets none in its YARP config (default 1 MiB).</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>The <c>Retry-After</c> of the gateway's own 503 answers.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    public IEnumerable<SettingProblem> Validate()
    {
        if (MaxRequestBodySize < 1) yield return new(nameof(MaxRequestBodySize), $"must be a positive number of bytes; it is {MaxRequestBodySize}");
        if (RetryAfter < TimeSpan.FromSeconds(1)) yield return new(nameof(RetryAfter), $"must be at least 1 s; it is {RetryAfter}");
    }
}
