using Microsoft.Extensions.Configuration;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Tests.Newsroom;

public sealed class NewsroomSettingsTests
{
    static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Without_configuration_the_default_sections_apply() =>
        Assert.Equal(NewsroomSections.DefaultNames, NewsroomSettings.ReadSections(Config()).All.Select(s => s.Name));

    [Fact]
    public void Sections_can_be_a_list_or_one_comma_separated_value()
    {
        Assert.Equal(["Local", "Sport"], NewsroomSettings.ReadSections(Config(("Newsroom:Sections:0", "Local"), ("Newsroom:Sections:1", "Sport"))).All.Select(s => s.Name));
        Assert.Equal(["Local", "Sport"], NewsroomSettings.ReadSections(Config(("Newsroom:Sections", "Local, Sport"))).All.Select(s => s.Name));
    }
}
