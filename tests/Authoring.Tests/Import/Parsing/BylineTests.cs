namespace NewsPlatform.Authoring.Tests.Import.Parsing;

public sealed class BylineTests
{
    [Theory]
    [InlineData("Written by Camilla Jessen", new[] { "Camilla Jessen" })]
    [InlineData("Written by Camilla Jessen and Frederik Hansen", new[] { "Camilla Jessen", "Frederik Hansen" })]
    [InlineData("Written by Camilla Jessen, Frederik Hansen and Ida Holm", new[] { "Camilla Jessen", "Frederik Hansen", "Ida Holm" })]
    [InlineData("Written by Camilla Jessen, Frederik Hansen, and Ida Holm", new[] { "Camilla Jessen", "Frederik Hansen", "Ida Holm" })]
    [InlineData("Written by Alexandra Andersen and Sandra Anderson", new[] { "Alexandra Andersen", "Sandra Anderson" })]
    [InlineData("written BY Camilla Jessen", new[] { "Camilla Jessen" })]
    [InlineData("By Camilla Jessen & Frederik Hansen", new[] { "Camilla Jessen", "Frederik Hansen" })]
    public void Authors_are_the_names_between_commas_and_and(string byline, string[] authors)
    {
        var article = Parse.Article(new SeedTextBuilder { Byline = byline }.Build());

        Assert.Equal(authors, article.Authors);
    }

    [Fact]
    public void Non_ASCII_names_are_kept_as_written()
    {
        var text = new SeedTextBuilder { Byline = "Written by Søren Ægidius Ørsted, Zoë Łukasiewicz and José María Núñez" }.Build();

        var article = Parse.Article(text);

        Assert.Equal(["Søren Ægidius Ørsted", "Zoë Łukasiewicz", "José María Núñez"], article.Authors);
    }

    [Fact]
    public void Decomposed_accents_from_a_macOS_file_become_the_composed_letters()
    {
        var text = new SeedTextBuilder { Byline = "Written by Zoe\u0308 Jørgensen" }.Build();

        Assert.Equal(["Zoë Jørgensen"], Parse.Article(text).Authors);
    }

    [Fact]
    public void A_name_listed_twice_is_one_author()
    {
        var text = new SeedTextBuilder { Byline = "Written by Camilla Jessen and Camilla Jessen" }.Build();

        Assert.Equal(["Camilla Jessen"], Parse.Article(text).Authors);
    }

    [Theory]
    [InlineData("Camilla Jessen", "Line 3: expected the byline \"Written by NAME\" (or \"Written by A and B\", \"Written by A, B and C\"); found \"Camilla Jessen\".")]
    [InlineData("Written by Camilla Jessen and", "Line 3: expected an author name on each side of \",\" and \"and\"; found \"Written by Camilla Jessen and\".")]
    [InlineData("Written by Camilla Jessen, , Ida Holm", "Line 3: expected an author name on each side of \",\" and \"and\"; found \"Written by Camilla Jessen, , Ida Holm\".")]
    [InlineData("Written by 42", "Line 3: expected author names made of letters; found \"42\".")]
    public void A_byline_without_names_is_refused_at_its_line(string byline, string message)
    {
        var error = Parse.Error(new SeedTextBuilder { Byline = byline }.Build());

        Assert.Equal(3, error.Line);
        Assert.Equal(message, error.Message);
    }
}
