using NewsPlatform.Authoring.Import.Parsing;

namespace NewsPlatform.Authoring.Tests.Import.Parsing;

/// <summary>The parser as the newsroom runs it: Europe/Copenhagen.</summary>
public static class Parse
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static ParsedArticle Article(string text)
    {
        var result = new SeedTextParser(Copenhagen).Parse(text);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Null(result.Error);
        return result.Article!;
    }

    public static SeedParseError Error(string text)
    {
        var result = new SeedTextParser(Copenhagen).Parse(text);
        Assert.False(result.Succeeded, "expected the text to be refused");
        Assert.Null(result.Article);
        return result.Error!;
    }
}
