using Markdig;

namespace NewsPlatform.Authoring.Tests.Import.Parsing;

public sealed class SeedArticleTests
{
    private readonly Authoring.Import.Parsing.ParsedArticle _article = Parse.Article(TestTexts.Seed);

    [Fact]
    public void Headline_byline_time_section_and_credit_are_read_exactly()
    {
        Assert.Equal("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", _article.Headline);
        Assert.Equal(["Camilla Jessen"], _article.Authors);
        Assert.Equal(DateTimeOffset.Parse("2025-01-14T12:36:00Z"), _article.PublishedAt);
        Assert.Equal(TimeSpan.Zero, _article.PublishedAt.Offset);
        Assert.Equal("News", _article.Section);
        Assert.Equal("Stefan Bruder / Shutterstock.com", _article.PhotoCredit);
    }

    [Fact]
    public void Each_field_remembers_the_line_it_came_from()
    {
        Assert.Equal(new Authoring.Import.Parsing.FieldLines(Headline: 1, Byline: 3, PublishedAt: 5, Section: 7, PhotoCredit: 8, Standfirst: 10, Body: 16),
            _article.Lines);
    }

    [Fact]
    public void The_standfirst_is_the_lead_and_the_body_opens_with_its_fuller_retelling()
    {
        Assert.Equal(
            "North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk being captured.",
            _article.Standfirst);
        Assert.StartsWith(
            "North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk capture by Ukrainian forces, according to South Korea’s National Intelligence Service (NIS).\n\nThis development was reported by Yonhap on January 13.\n\n## First North Korean Soldiers Captured\n\n",
            _article.Body);
    }

    [Fact]
    public void Both_sub_headings_are_level_two_headings_and_nothing_else_is()
    {
        var headings = _article.Body.Split('\n').Where(l => l.StartsWith('#')).ToList();

        Assert.Equal(["## First North Korean Soldiers Captured", "## Putin’s Growing Dependence on North Korea"], headings);
    }

    [Fact]
    public void The_quotations_are_kept_as_written()
    {
        Assert.Contains(
            "“Russian and North Korean forces often execute their own wounded to prevent evidence of North Korea’s involvement in the war,” Zelenskyy explained.",
            _article.Body);
        Assert.Contains(
            "saying, “For those who wish to promote peace by spreading the truth about this war in Korean, they will be given the opportunity.”",
            _article.Body);
        Assert.Contains(
            "“Three years ago, [Russian leader Vladimir] Putin issued ultimatums to NATO and tried to rewrite history. Now, he cannot sustain his war without military aid from North Korea,” Zelenskyy said.",
            _article.Body);
        Assert.Contains("“lack of understanding of modern warfare,”", _article.Body);
        Assert.Contains("10,000–12,000 North Korean troops", _article.Body);
    }

    [Fact]
    public void The_trending_now_widget_is_not_part_of_the_article()
    {
        Assert.DoesNotContain("trending", _article.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("trending", _article.Standfirst, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_body_is_every_body_line_of_the_seed_as_CommonMark_blocks_separated_by_blank_lines()
    {
        var blocks = _article.Body.Split("\n\n");

        Assert.Equal(14, blocks.Length);
        Assert.All(blocks, b => Assert.DoesNotContain('\n', b));
        Assert.EndsWith("He also noted reports of soldiers attempting suicide in the face of extreme conditions.", _article.Body);
    }

    [Fact]
    public void Rendered_with_Markdig_the_body_has_two_headings_and_the_quotations_as_text()
    {
        var html = Markdown.ToHtml(_article.Body);

        Assert.Contains("<h2>First North Korean Soldiers Captured</h2>", html);
        Assert.Contains("<h2>Putin’s Growing Dependence on North Korea</h2>", html);
        Assert.Contains("<p>“Three years ago, [Russian leader Vladimir] Putin issued ultimatums", html);
        Assert.Equal(12, html.Split("<p>").Length - 1);
        Assert.DoesNotContain("<a", html);
    }
}
