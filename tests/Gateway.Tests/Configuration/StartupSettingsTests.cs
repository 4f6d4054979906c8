using NewsPlatform.TestKit;

namespace NewsPlatform.Gateway.Tests.Configuration;

/// <summary>Gateway started with a wrong setting stops at start-up and names the setting as an operator writes it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Gateway:RateLimits:token:PermitLimit", "0", "'Gateway:RateLimits:token:PermitLimit' must be positive; it is 0 (environment variable Gateway__RateLimits__token__PermitLimit)")]
    [InlineData("Gateway:OutputCache:StaleIfError", "-00:01:00", "'Gateway:OutputCache:StaleIfError' must not be negative; it is -00:01:00 (environment variable Gateway__OutputCache__StaleIfError)")]
    [InlineData("Gateway:RetryAfter", "00:00:00", "'Gateway:RetryAfter' must be at least 1 s; it is 00:00:00 (environment variable Gateway__RetryAfter)")]
    [InlineData("Gateway:Readiness:Timeout", "00:00:00", "'Gateway:Readiness:Timeout' must be positive; it is 00:00:00 (environment variable Gateway__Readiness__Timeout)")]
    [InlineData("Gateway:SecurityHeaders:ContentSecurityPolicy", " ", "'Gateway:SecurityHeaders:ContentSecurityPolicy' must not be empty (environment variable Gateway__SecurityHeaders__ContentSecurityPolicy)")]
    public void A_wrong_setting_stops_start_up_and_is_named(string key, string value, string expected)
    {
        var failure = StartupFailure.Of<GatewayEntryPoint>(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, failure);
    }
}
