using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Tests.Newsroom;

public sealed class SectionsTests
{
    [Fact]
    public void The_default_sections_have_lower_case_slugs()
    {
        Assert.Equal(["news", "world", "politics", "business", "sports", "culture", "opinion"], Sections.Default.All.Select(s => s.Slug));
    }

    [Theory]
    [InlineData("News")]
    [InlineData("news")]
    [InlineData(" NEWS ")]
    public void A_section_is_found_by_name_or_slug_in_any_case(string given) => Assert.Equal("News", Sections.Default.Find(given)?.Name);

    [Fact]
    public void A_section_named_like_a_reserved_url_segment_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sections(["News", "Search"]));

        Assert.Contains("reserved URL segment '/search'", error.Message);
    }

    [Fact]
    public void Two_sections_with_one_url_segment_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new Sections(["Økonomi", "Okonomi"]));
    }

    [Fact]
    public void A_section_without_letters_for_its_url_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sections(["News", "★ ★ ★"]));

        Assert.Contains("'★ ★ ★' has no letters or digits", error.Message);
    }

    [Theory]
    [InlineData("Œuvres & Þing", "oeuvres-thing")]
    [InlineData("Økonomi", "okonomi")]
    public void A_section_gets_the_url_segment_every_service_derives_from_its_name(string name, string slug)
    {
        Assert.Equal(slug, new Sections([name]).Find(name)?.Slug);
        Assert.Equal(slug, NewsPlatform.ServiceDefaults.Newsroom.UrlSlug.From(name));
    }

    [Fact]
    public void Configured_sections_replace_the_defaults()
    {
        var sections = new Sections(["Lokalt", "Sport"]);

        Assert.Null(sections.Find("News"));
        Assert.Equal("lokalt", sections.Find("Lokalt")?.Slug);
    }
}
