using NewsPlatform.Authoring.Import.Parsing;

namespace NewsPlatform.Authoring.Tests.Import.Parsing;

public sealed class LineEndingTests
{
    private static string Windows(string text) => "\uFEFF" + text.Replace("\n", "  \r\n") + "\r\n\r\n";

    [Fact]
    public void The_seed_saved_on_Windows_with_a_BOM_and_trailing_spaces_reads_the_same()
    {
        var original = Parse.Article(TestTexts.Seed);

        var windows = Parse.Article(Windows(TestTexts.Seed));

        Assert.Equivalent(original, windows, strict: true);
        Assert.DoesNotContain('\r', windows.Body);
        Assert.False(windows.Headline.StartsWith('\uFEFF'));
    }

    [Fact]
    public void Old_Mac_line_endings_and_tabs_around_lines_read_the_same()
    {
        var text = new SeedTextBuilder().Build();
        var mac = new SeedTextBuilder { NewLine = "\r" }.Build().Replace("News", "\tNews\t");

        Assert.Equivalent(Parse.Article(text), Parse.Article(mac), strict: true);
    }

    [Fact]
    public void Line_numbers_in_errors_count_CRLF_lines_once()
    {
        var text = new SeedTextBuilder { Time = "Jan.14 - 2025 1:36 PM PST", NewLine = "\r\n" }.Build();

        Assert.Equal(5, Parse.Error(text).Line);
    }

    [Fact]
    public void Normalising_removes_what_the_format_ignores_and_keeps_the_words()
    {
        var normal = SeedText.Normalise(TestTexts.Seed);

        Assert.Equal(normal, SeedText.Normalise(Windows(TestTexts.Seed)));
        Assert.Equal(normal, SeedText.Normalise(TestTexts.Seed.Replace("\n\n", "\n")));
        Assert.NotEqual(normal, SeedText.Normalise(TestTexts.Seed.Replace("Camilla Jessen", "Camilla Jesen")));
        Assert.StartsWith("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture\nWritten by Camilla Jessen\nJan.14", normal);
    }
}
