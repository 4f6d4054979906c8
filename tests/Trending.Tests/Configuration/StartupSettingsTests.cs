using NewsPlatform.TestKit;

namespace NewsPlatform.Trending.Tests.Configuration;

/// <summary>Trending started with a wrong setting stops at start-up and names the setting as an operator writes it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Trending:HalfLife", "-01:00:00", "'Trending:HalfLife' must be positive; it is -01:00:00 (environment variable Trending__HalfLife)")]
    [InlineData("Trending:MaxLimit", "5", "'Trending:MaxLimit' must be at least Trending:TopN (10); it is 5 (environment variable Trending__MaxLimit)")]
    [InlineData("Jwt:SigningKey", "replace-with-a-long-random-key-from-openssl-rand", "'Jwt:SigningKey' is not a usable signing key")]
    public void A_wrong_setting_stops_start_up_and_is_named(string key, string value, string expected)
    {
        var failure = StartupFailure.Of<TrendingEntryPoint>(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, failure);
    }
}
