namespace NewsPlatform.Authoring.Tests.Import.Parsing;

public sealed class MalformedTextTests
{
    [Theory]
    [InlineData("", "Line 1: expected the headline; found an empty text.")]
    [InlineData("\uFEFF \r\n\r\n", "Line 1: expected the headline; found an empty text.")]
    [InlineData("Just a headline", "Line 2: expected the byline \"Written by NAME\"; found the end of the text.")]
    public void Texts_that_stop_early_say_what_is_missing(string text, string message)
    {
        Assert.Equal(message, Parse.Error(text).Message);
    }

    [Fact]
    public void A_text_that_starts_with_the_byline_is_missing_its_headline()
    {
        var text = new SeedTextBuilder().Build();
        var withoutHeadline = text[(text.IndexOf('\n') + 2)..];

        var error = Parse.Error(withoutHeadline);

        Assert.Equal("Line 1: expected the headline before the byline; found \"Written by Camilla Jessen\".", error.Message);
    }

    [Fact]
    public void A_missing_section_is_reported_at_the_line_where_it_belongs()
    {
        var text = new SeedTextBuilder { Section = "This line is a sentence, not a section." }.Build();

        var error = Parse.Error(text);

        Assert.Equal(7, error.Line);
        Assert.StartsWith("Line 7: expected the section (a name such as News", error.Message);
    }

    [Fact]
    public void A_photo_line_where_the_section_belongs_is_refused()
    {
        var text = new SeedTextBuilder { Section = "Photo: Stefan Bruder / Shutterstock.com" }.Build();

        Assert.Equal(7, Parse.Error(text).Line);
    }

    [Fact]
    public void Header_without_lead_or_body_is_refused_after_the_last_line()
    {
        var text = new SeedTextBuilder { Lead = "", Widget = ["Trending Now"], Body = [] }.Build();

        var error = Parse.Error(text);

        Assert.Equal("Line 12: expected the lead paragraph; found the end of the text.", error.Message);
    }

    [Fact]
    public void A_lead_without_a_body_is_refused()
    {
        var text = new SeedTextBuilder { Widget = [], Body = [] }.Build();

        Assert.Equal("Line 10: expected the article body after the lead paragraph; found the end of the text.", Parse.Error(text).Message);
    }

    [Fact]
    public void Binary_content_is_refused_at_its_line()
    {
        var text = new SeedTextBuilder { Lead = "PNG\0\u0001\u0002" }.Build();

        Assert.Equal("Line 9: expected plain text; found the control character U+0000.", Parse.Error(text).Message);
    }

    [Fact]
    public void Long_findings_are_shortened_in_the_message()
    {
        var text = new SeedTextBuilder { Byline = "Nobody " + new string('x', 200) }.Build();

        var message = Parse.Error(text).Message;

        Assert.EndsWith("…\".", message);
        Assert.True(message.Length < 250, message);
    }
}
