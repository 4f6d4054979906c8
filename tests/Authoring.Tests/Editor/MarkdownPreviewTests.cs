using NewsPlatform.Authoring.Editor;

namespace NewsPlatform.Authoring.Tests.Editor;

public sealed class MarkdownPreviewTests
{
    readonly MarkdownPreview _preview = new();

    [Fact]
    public void Renders_the_seed_article_shapes_sub_headings_quotes_and_emphasis()
    {
        var html = _preview.Render("## First North Korean Soldiers Captured\n\n> “Russian and North Korean forces often execute their own wounded”\n\nAn **important** line.");

        Assert.Contains("<h2>First North Korean Soldiers Captured</h2>", html);
        Assert.Contains("<blockquote>", html);
        Assert.Contains("<strong>important</strong>", html);
    }

    [Theory]
    [InlineData("<script>alert('x')</script>Hello", "<script")]
    [InlineData("<img src=\"x.png\" onerror=\"alert('x')\">", "onerror")]
    [InlineData("[click me](javascript:alert('x'))", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<p style=\"position:fixed;top:0\">cover</p>", "style=")]
    [InlineData("<div class=\"notice-conflict\">Someone else saved</div>", "class=")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<script")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"password\"></form>", "<form")]
    public void Removes_what_could_run_script_or_dress_up_as_the_editor(string markdown, string forbidden)
    {
        var html = _preview.Render(markdown);

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Keeps_ordinary_links_and_text()
    {
        var html = _preview.Render("Read [the report](https://example.com/report) & more <b>now</b>.");

        Assert.Contains("<a href=\"https://example.com/report\">the report</a>", html);
        Assert.Contains("&amp; more <b>now</b>", html);
    }
}
