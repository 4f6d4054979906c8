namespace NewsPlatform.Gateway.RateLimiting;

/// <summary>One limit under <c>Gateway:RateLimits:{policy}</c>: so many requests per client address per window.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 60;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public override string ToString() => $"{PermitLimit} requests per {Window.TotalSeconds:0} s";
}
