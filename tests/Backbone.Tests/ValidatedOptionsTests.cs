using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Backbone.Tests;

/// <summary>
/// <see cref="ValidatedOptions.AddValidatedOptions{T}"/>, the one way a host reads a section of settings: a wrong
/// value stops start-up with a message naming the setting both as configuration key and as environment variable.
/// </summary>
public sealed class ValidatedOptionsTests
{
    public sealed class PollingOptions : IValidatedOptions
    {
        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(1);
        public int Workers { get; set; } = 2;

        public IEnumerable<SettingProblem> Validate()
        {
            if (Interval <= TimeSpan.Zero) yield return new(nameof(Interval), $"must be positive; it is {Interval}");
            if (Workers < 1) yield return new(nameof(Workers), $"must be positive; it is {Workers}");
        }
    }

    static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    [Fact]
    public void Configured_values_are_returned_and_served_by_IOptions()
    {
        var builder = Builder(("Work:Polling:Interval", "00:00:05"));

        var values = builder.AddValidatedOptions<PollingOptions>("Work:Polling");

        Assert.Equal(TimeSpan.FromSeconds(5), values.Interval);
        Assert.Equal(2, values.Workers);
        using var host = builder.Build();
        Assert.Equal(TimeSpan.FromSeconds(5), host.Services.GetRequiredService<IOptions<PollingOptions>>().Value.Interval);
    }

    [Fact]
    public void A_wrong_value_is_refused_naming_every_wrong_setting_as_key_and_environment_variable()
    {
        var builder = Builder(("Work:Polling:Interval", "-00:00:01"), ("Work:Polling:Workers", "0"));

        var failure = Assert.Throws<OptionsValidationException>(() => builder.AddValidatedOptions<PollingOptions>("Work:Polling"));

        Assert.Equal(
        [
            "NewsPlatform cannot start: 'Work:Polling:Interval' must be positive; it is -00:00:01 (environment variable Work__Polling__Interval).",
            "NewsPlatform cannot start: 'Work:Polling:Workers' must be positive; it is 0 (environment variable Work__Polling__Workers).",
        ], failure.Failures);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_naming_the_setting()
    {
        var builder = Builder(("Work:Polling:Interval", "soon"));

        var failure = Assert.Throws<InvalidOperationException>(() => builder.AddValidatedOptions<PollingOptions>("Work:Polling"));

        Assert.StartsWith("NewsPlatform cannot start:", failure.Message);
        Assert.Contains("'Work:Polling:Interval'", failure.Message);
        Assert.Contains("Work__Polling__", failure.Message);
    }

    [Fact]
    public async Task Values_changed_after_registration_are_checked_when_the_host_starts()
    {
        var builder = Builder();
        builder.AddValidatedOptions<PollingOptions>("Work:Polling");
        builder.Services.PostConfigure<PollingOptions>(o => o.Workers = -1);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(["NewsPlatform cannot start: 'Work:Polling:Workers' must be positive; it is -1 (environment variable Work__Polling__Workers)."],
            failure.Failures);
    }

    [Fact]
    public async Task Sections_of_one_type_are_told_apart_by_name()
    {
        var builder = Builder(("Limits:Fast:Workers", "8"));
        var fast = builder.AddValidatedOptions<PollingOptions>("Limits:Fast", name: "fast");
        var slow = builder.AddValidatedOptions<PollingOptions>("Limits:Slow", name: "slow");
        builder.Services.PostConfigure<PollingOptions>("slow", o => o.Interval = TimeSpan.Zero);
        using var host = builder.Build();

        Assert.Equal((8, 2), (fast.Workers, slow.Workers));
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(["NewsPlatform cannot start: 'Limits:Slow:Interval' must be positive; it is 00:00:00 (environment variable Limits__Slow__Interval)."],
            failure.Failures);
    }

    [Fact]
    public void The_backbone_settings_are_read_the_same_way_and_a_relay_polling_slower_when_busy_than_idle_is_refused()
    {
        var builder = Builder(("Relay:FastPollingTime", "00:00:01"), ("Relay:SlowPollingTime", "00:00:00.500"), ("Messaging:ProcessedMessageRetention", "00:10:00"));

        var relay = Assert.Throws<OptionsValidationException>(() => builder.AddValidatedOptions<NewsPlatform.ServiceDefaults.Relay.RelayOptions>("Relay"));
        var retention = Assert.Throws<OptionsValidationException>(() =>
            builder.AddValidatedOptions<NewsPlatform.ServiceDefaults.Messaging.MessagingOptions>("Messaging"));

        Assert.Equal(["NewsPlatform cannot start: 'Relay:SlowPollingTime' must be at least FastPollingTime (00:00:01); it is 00:00:00.5000000 (environment variable Relay__SlowPollingTime)."], relay.Failures);
        Assert.Contains("'Messaging:ProcessedMessageRetention' must be at least an hour", Assert.Single(retention.Failures));
        Assert.Equal(10_000, Builder().AddValidatedOptions<NewsPlatform.ServiceDefaults.Relay.RelayOptions>("Relay").DegradedLag);
    }
}
