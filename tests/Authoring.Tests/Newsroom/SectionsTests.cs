using Microsoft.Extensions.Configuration;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Tests.Newsroom;

/// <summary><see cref="Sections"/>: the one list of sections Authoring and the public site both read from configuration.</summary>
public sealed class SectionsTests
{
    static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Without_configuration_the_default_sections_apply() =>
        Assert.Equal(Sections.DefaultNames, Sections.From(Config()).All.Select(s => s.Name));

    [Fact]
    public void Sections_can_be_a_list_or_one_comma_separated_value()
    {
        Assert.Equal(["Local", "Sport"], Sections.From(Config(("Newsroom:Sections:0", "Local"), ("Newsroom:Sections:1", "Sport"))).All.Select(s => s.Name));
        Assert.Equal(["Local", "Sport"], Sections.From(Config(("Newsroom:Sections", "Local, Sport"))).All.Select(s => s.Name));
    }

    [Fact]
    public void The_default_sections_have_lower_case_slugs()
    {
        Assert.Equal(["news", "world", "politics", "business", "sports", "culture", "opinion"], Sections.Default.All.Select(s => s.Slug));
    }

    [Fact]
    public void Sections_come_from_configuration_with_slugs()
    {
        var sections = new Sections(["News", "World", "Business & Money"]);

        Assert.Equal(["news", "world", "business-money"], sections.All.Select(s => s.Slug));
        Assert.Equal("Business & Money", sections.NameOf("business-money"));
        Assert.True(sections.IsConfigured("news"));
        Assert.False(sections.IsConfigured("sports"));
    }

    [Fact]
    public void A_section_articles_use_but_configuration_does_not_list_gets_a_readable_name() =>
        Assert.Equal("Local Weather", new Sections(["News"]).NameOf("local-weather"));

    [Theory]
    [InlineData("News")]
    [InlineData("news")]
    [InlineData(" NEWS ")]
    public void A_section_is_found_by_name_or_slug_in_any_case(string given) => Assert.Equal("News", Sections.Default.Find(given)?.Name);

    [Fact]
    public void A_section_named_like_a_reserved_url_segment_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Sections(["News", "Search"]));

        Assert.Contains("reserved URL segment '/search'", error.Message);
        Assert.Contains("'Newsroom:Sections'", error.Message);
    }

    [Theory]
    [InlineData("Search")]
    [InlineData("API")]
    [InlineData("Authors")]
    [InlineData("Assets")]
    public void A_reserved_first_segment_can_never_be_a_section(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Sections(["News", name]));

        Assert.Contains(name, error.Message);
        Assert.Contains("reserved", error.Message);
    }

    [Fact]
    public void Two_sections_with_one_url_segment_are_refused_at_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sections.From(Config(("Newsroom:Sections", "Økonomi, Okonomi"))));

        Assert.StartsWith("NewsPlatform cannot start: in 'Newsroom:Sections',", error.Message);
        Assert.Contains("'Økonomi' and 'Okonomi' would share the URL segment '/okonomi'", error.Message);
    }

    [Theory]
    [InlineData("News, World, News")]
    [InlineData("News, World, news")]
    public void A_section_listed_twice_is_refused_at_start_naming_the_setting(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sections.From(Config(("Newsroom:Sections", configured))));

        Assert.StartsWith("NewsPlatform cannot start: in 'Newsroom:Sections',", error.Message);
        Assert.Contains("'News' is listed twice", error.Message);
    }

    [Fact]
    public void A_section_without_letters_for_its_url_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Sections(["News", "★ ★ ★"]));

        Assert.Contains("'★ ★ ★' has no letters or digits", error.Message);
    }

    [Theory]
    [InlineData("Œuvres & Þing", "oeuvres-thing")]
    [InlineData("Økonomi", "okonomi")]
    public void A_section_gets_the_url_segment_every_service_derives_from_its_name(string name, string slug)
    {
        Assert.Equal(slug, new Sections([name]).Find(name)?.Slug);
        Assert.Equal(slug, UrlSlug.From(name));
    }

    [Fact]
    public void Configured_sections_replace_the_defaults()
    {
        var sections = new Sections(["Lokalt", "Sport"]);

        Assert.Null(sections.Find("News"));
        Assert.Equal("lokalt", sections.Find("Lokalt")?.Slug);
    }
}
