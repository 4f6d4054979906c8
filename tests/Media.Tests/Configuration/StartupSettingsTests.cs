using NewsPlatform.TestKit;

namespace NewsPlatform.Media.Tests.Configuration;

/// <summary>Media started with a wrong setting stops at start-up and names the setting as an operator writes it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Media:MaxPixels", "0", "'Media:MaxPixels' must be a positive number of pixels; it is 0 (environment variable Media__MaxPixels)")]
    [InlineData("Media:RenditionConcurrency", "-1", "'Media:RenditionConcurrency' must be positive; it is -1 (environment variable Media__RenditionConcurrency)")]
    public void A_wrong_setting_stops_start_up_and_is_named(string key, string value, string expected)
    {
        var failure = StartupFailure.Of<MediaEntryPoint>(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, failure);
    }
}
