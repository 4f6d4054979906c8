using NewsPlatform.TestKit;

namespace NewsPlatform.ReaderFeed.Tests.Configuration;

/// <summary>ReaderFeed started with a wrong setting stops at start-up and names the setting as an operator writes it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("PageCache:MaxMegabytes", "0", "'PageCache:MaxMegabytes' must be a positive number of megabytes; it is 0 (environment variable PageCache__MaxMegabytes)")]
    [InlineData("Newsroom:SiteUrl", "example.org", "'Newsroom:SiteUrl' must be an absolute http(s) URL such as http://localhost:8080; it is 'example.org' (environment variable Newsroom__SiteUrl)")]
    [InlineData("Newsroom:TimeZone", "Mars/Olympus", "'Newsroom:TimeZone' is 'Mars/Olympus', which is not a time zone on this machine")]
    public void A_wrong_setting_stops_start_up_and_is_named(string key, string value, string expected)
    {
        var failure = StartupFailure.Of<ReaderFeedEntryPoint>(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, failure);
    }
}
