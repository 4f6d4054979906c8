using NewsPlatform.Authoring.Newsroom;

namespace NewsPlatform.Authoring.Tests.Newsroom;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Søren", "soren")]
    [InlineData("Ærø Færgen", "aero-faergen")]
    [InlineData("Straße in Łódź", "strasse-in-lodz")]
    [InlineData("Crème brûlée à la café", "creme-brulee-a-la-cafe")]
    [InlineData("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", "north-korean-soldiers-ordered-to-commit-suicide-to-avoid-capture")]
    [InlineData("  What?! 100% -- \"true\" ", "what-100-true")]
    [InlineData("Œuvres & Þing", "oeuvres-thing")]
    [InlineData("", "article")]
    public void Slugs_are_ascii_folded_lower_case_words(string text, string slug) => Assert.Equal(slug, Slugs.From(text));

    [Theory]
    [InlineData("Россия и Украина: что дальше?", "rossiya-i-ukraina-chto-dalshe")]
    [InlineData("Η Αθήνα σήμερα", "i-athina-simera")]
    [InlineData("東京の天気", "dongjingnotianqi")]
    [InlineData("مرحبا بالعالم", "mrhb-bllm")]
    public void A_headline_in_another_script_gets_a_readable_transliterated_slug(string headline, string slug)
    {
        Assert.Equal(slug, Slugs.From(headline));
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData("!!! ??? …")]
    [InlineData("🎉🎉")]
    public void A_headline_with_nothing_to_transliterate_falls_back_to_article(string headline) =>
        Assert.Equal("article", Slugs.From(headline));

    [Fact]
    public void A_long_headline_is_cut_at_a_word_boundary()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("headline", 20)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.EndsWith("headline", slug);
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void Numbered_alternatives_stay_within_the_limit()
    {
        var longest = new string('a', Slugs.MaxLength);

        Assert.Equal("x-2", Slugs.Numbered("x", 2));
        Assert.Equal("x", Slugs.Numbered("x", 1));
        Assert.True(Slugs.IsValid(Slugs.Numbered(longest, 12)));
        Assert.EndsWith("-12", Slugs.Numbered(longest, 12));
    }

    [Theory]
    [InlineData("ok-slug", true)]
    [InlineData("Upper", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("spa ce", false)]
    [InlineData("søren", false)]
    public void Only_canonical_slugs_are_valid(string slug, bool valid) => Assert.Equal(valid, Slugs.IsValid(slug));
}
