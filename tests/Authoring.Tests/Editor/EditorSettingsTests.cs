using Microsoft.Extensions.Configuration;
using NewsPlatform.Authoring.Editor;

namespace NewsPlatform.Authoring.Tests.Editor;

public sealed class EditorSettingsTests
{
    static IConfiguration Config(params (string Key, string Value)[] values) => new ConfigurationBuilder()
        .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
        .Build();

    [Fact]
    public void Without_configuration_the_newsroom_has_the_default_sections_in_Copenhagen()
    {
        var settings = EditorSettings.From(Config());

        Assert.Equal(["News", "World", "Politics", "Business", "Sports", "Culture", "Opinion"], settings.Sections);
        Assert.Equal("Europe/Copenhagen", settings.TimeZone);
    }

    [Fact]
    public void Sections_can_be_a_list()
    {
        var settings = EditorSettings.From(Config(("Newsroom:Sections:0", "Local"), ("Newsroom:Sections:1", "Weather"), ("Newsroom:TimeZone", "Europe/Oslo")));

        Assert.Equal(["Local", "Weather"], settings.Sections);
        Assert.Equal("Europe/Oslo", settings.TimeZone);
    }

    [Fact]
    public void Sections_can_be_one_comma_separated_value_as_in_an_environment_variable()
    {
        var settings = EditorSettings.From(Config(("Newsroom:Sections", " Local, Weather ,,local ")));

        Assert.Equal(["Local", "Weather"], settings.Sections);
    }
}
