namespace NewsPlatform.Authoring.Tests.Import.Parsing;

public sealed class PhotoCreditTests
{
    [Fact]
    public void Without_a_photo_line_there_is_no_credit_and_the_next_line_is_the_lead()
    {
        var text = new SeedTextBuilder { PhotoLines = [] }.Build();

        var article = Parse.Article(text);

        Assert.Null(article.PhotoCredit);
        Assert.Equal("The ferry between Aarhus and Odden sailed again on Tuesday.", article.Standfirst);
    }

    [Fact]
    public void Repeated_photo_lines_are_one_credit()
    {
        var credit = "Photo: Ida Holm / Ritzau Scanpix";
        var text = new SeedTextBuilder { PhotoLines = [credit, credit, "PHOTO:  Ida Holm / Ritzau Scanpix"] }.Build();

        var article = Parse.Article(text);

        Assert.Equal("Ida Holm / Ritzau Scanpix", article.PhotoCredit);
        Assert.DoesNotContain("Photo", article.Standfirst + article.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_repeat_of_the_credit_scraped_into_the_body_is_dropped_there_too()
    {
        var builder = new SeedTextBuilder();
        var text = builder with { Body = [builder.Body[0], "Photo: Stefan Bruder / Shutterstock.com", builder.Body[2]] };

        var article = Parse.Article(text.Build());

        Assert.DoesNotContain("Shutterstock", article.Body);
        Assert.Equal(2, article.Body.Split("\n\n").Length);
    }

    [Fact]
    public void Two_different_credits_are_refused_at_the_second()
    {
        var text = new SeedTextBuilder { PhotoLines = ["Photo: Stefan Bruder / Shutterstock.com", "Photo: Ida Holm / Ritzau Scanpix"] }.Build();

        var error = Parse.Error(text);

        Assert.Equal(9, error.Line);
        Assert.Equal(
            "Line 9: expected the same photo credit as line 8 (\"Stefan Bruder / Shutterstock.com\"), one hero photo per article; found \"Photo: Ida Holm / Ritzau Scanpix\".",
            error.Message);
    }

    [Fact]
    public void A_photo_line_without_a_credit_is_refused()
    {
        var error = Parse.Error(new SeedTextBuilder { PhotoLines = ["Photo:"] }.Build());

        Assert.Equal("Line 8: expected a credit after \"Photo:\" (e.g. \"Photo: Stefan Bruder / Shutterstock.com\"); found \"Photo:\".", error.Message);
    }

    [Fact]
    public void The_widget_scraped_between_photo_lines_is_skipped_and_the_credit_kept()
    {
        var credit = "Photo: Stefan Bruder / Shutterstock.com";
        var text = new SeedTextBuilder { PhotoLines = ["Trending Now", credit, "TRENDING NOW", credit], Widget = [] }.Build();

        var article = Parse.Article(text);

        Assert.Equal("Stefan Bruder / Shutterstock.com", article.PhotoCredit);
        Assert.Equal("The ferry between Aarhus and Odden sailed again on Tuesday.", article.Standfirst);
        Assert.Equal(9, article.Lines.PhotoCredit);
    }
}
