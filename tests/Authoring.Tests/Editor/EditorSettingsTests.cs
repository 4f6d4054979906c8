using Microsoft.Extensions.Configuration;
using NewsPlatform.Authoring.Editor;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Tests.Editor;

public sealed class EditorSettingsTests
{
    static IConfiguration Config(params (string Key, string Value)[] values) => new ConfigurationBuilder()
        .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
        .Build();

    [Fact]
    public void The_picker_offers_exactly_the_sections_the_articles_API_accepts()
    {
        var configuration = Config(("Newsroom:Sections", "Local, Weather"));

        var settings = EditorSettings.From(Sections.From(configuration), configuration);

        Assert.Equal(["Local", "Weather"], settings.Sections);
    }

    [Fact]
    public void Times_are_shown_in_Copenhagen_unless_the_newsroom_says_otherwise()
    {
        Assert.Equal("Europe/Copenhagen", EditorSettings.From(Sections.Default, Config()).TimeZone);
        Assert.Equal("Europe/Oslo", EditorSettings.From(Sections.Default, Config(("Newsroom:TimeZone", "Europe/Oslo"))).TimeZone);
    }
}
