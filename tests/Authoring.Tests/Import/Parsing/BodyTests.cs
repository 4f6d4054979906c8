using Markdig;

namespace NewsPlatform.Authoring.Tests.Import.Parsing;

public sealed class BodyTests
{
    [Fact]
    public void A_body_without_sub_headings_is_paragraphs_only()
    {
        var text = new SeedTextBuilder
        {
            Body = ["The ferry sailed again on Tuesday morning, the operator said.", "Passengers were relieved.", "“We waited patiently,” one said."],
        }.Build();

        var article = Parse.Article(text);

        Assert.Equal(
            "The ferry sailed again on Tuesday morning, the operator said.\n\nPassengers were relieved.\n\n“We waited patiently,” one said.",
            article.Body);
        Assert.DoesNotContain("<h", Markdown.ToHtml(article.Body));
    }

    [Theory]
    [InlineData("Passengers Return", true)]
    [InlineData("Putin’s Growing Dependence on North Korea", true)]
    [InlineData("“Hell on Earth” in Kursk", true)]
    [InlineData("2,700 Wounded in Three Months", true)]
    [InlineData("This development was reported by Yonhap on January 13.", false)]
    [InlineData("Is the War Turning?", false)]
    [InlineData("Zelenskyy explained:", false)]
    [InlineData("“We waited patiently”", false)]
    [InlineData("“For those who wish to promote peace, they will be given the opportunity.”", false)]
    [InlineData("lowercase start is a fragment of a sentence", false)]
    [InlineData("A line this long without a full stop is still a paragraph because sub-headings are short and to the point always", false)]
    public void Sub_headings_are_short_lines_that_do_not_end_a_sentence(string line, bool isSubHeading)
    {
        Assert.Equal(isSubHeading, Authoring.Import.Parsing.BodyBlock.IsSubHeading(line));
    }

    [Fact]
    public void A_body_that_only_repeats_the_lead_word_for_word_drops_the_repeat()
    {
        var builder = new SeedTextBuilder();
        var text = builder with { Body = [builder.Lead, "The operator said the storm had passed."] };

        var article = Parse.Article(text.Build());

        Assert.Equal(builder.Lead, article.Standfirst);
        Assert.Equal("The operator said the storm had passed.", article.Body);
    }

    [Fact]
    public void A_one_paragraph_body_equal_to_the_lead_is_kept_so_the_article_has_a_body()
    {
        var builder = new SeedTextBuilder();
        var article = Parse.Article((builder with { Body = [builder.Lead] }).Build());

        Assert.Equal(builder.Lead, article.Body);
    }

    [Fact]
    public void The_widget_is_dropped_wherever_it_was_scraped_and_in_any_case()
    {
        var builder = new SeedTextBuilder();
        var text = builder with
        {
            Widget = [],
            Body = ["Trending now", builder.Body[0], "TRENDING NOW:", builder.Body[1], "Trending Now", builder.Body[2]],
        };

        var article = Parse.Article(text.Build());

        Assert.DoesNotContain("trending", article.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, article.Body.Split("\n\n").Length);
    }

    [Fact]
    public void Lines_that_look_like_markup_render_as_the_text_written()
    {
        var text = new SeedTextBuilder
        {
            Body =
            [
                "# 1 in the polls, the party said.",
                "2025. A year of change, the minister said.",
                "- a dash opens this sentence.",
                "> a chevron opens this one.",
                "Read [the report](javascript:alert(1)) and <b>this</b>.",
                "Profits rose *sharply* in snake_case_terms, &amp; more.",
            ],
        }.Build();

        var html = Markdown.ToHtml(Parse.Article(text).Body);

        Assert.Equal(
            "<p># 1 in the polls, the party said.</p>\n" +
            "<p>2025. A year of change, the minister said.</p>\n" +
            "<p>- a dash opens this sentence.</p>\n" +
            "<p>&gt; a chevron opens this one.</p>\n" +
            "<p>Read [the report](javascript:alert(1)) and &lt;b&gt;this&lt;/b&gt;.</p>\n" +
            "<p>Profits rose *sharply* in snake_case_terms, &amp;amp; more.</p>\n",
            html);
    }

    [Fact]
    public void A_sub_heading_ending_in_a_hash_keeps_it()
    {
        var article = Parse.Article(new SeedTextBuilder { Body = ["The story in full.", "Why We Love C#"] }.Build());

        Assert.Contains("<h2>Why We Love C#</h2>", Markdown.ToHtml(article.Body));
    }
}
