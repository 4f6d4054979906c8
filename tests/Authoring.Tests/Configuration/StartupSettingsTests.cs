using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Configuration;

/// <summary>Authoring started with a wrong setting stops at start-up and names the setting as an operator writes it.</summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Authoring:Login:Window", "00:00:00", "'Authoring:Login:Window' must be positive; it is 00:00:00 (environment variable Authoring__Login__Window)")]
    [InlineData("Authoring:Scheduling:PollInterval", "-00:00:01", "'Authoring:Scheduling:PollInterval' must be positive; it is -00:00:01 (environment variable Authoring__Scheduling__PollInterval)")]
    [InlineData("Authoring:Import:ChunkSize", "0", "'Authoring:Import:ChunkSize' must be positive; it is 0 (environment variable Authoring__Import__ChunkSize)")]
    public void A_wrong_setting_stops_start_up_and_is_named(string key, string value, string expected)
    {
        var failure = StartupFailure.Of<AuthoringEntryPoint>(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, failure);
    }
}
