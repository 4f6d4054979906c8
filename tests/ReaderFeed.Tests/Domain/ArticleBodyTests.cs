using AngleSharp.Html.Parser;
using NewsPlatform.ReaderFeed.Rendering;
using NewsPlatform.ReaderFeed.Search;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

public class ArticleBodyTests
{
    readonly ArticleBody _body = new();

    [Fact]
    public void Markdown_becomes_paragraphs_sub_headings_and_quotes()
    {
        var document = new HtmlParser().ParseDocument(_body.ToHtml(Seed.Body));
        Assert.Equal(["First North Korean Soldiers Captured", "Putin’s Growing Dependence on North Korea"],
            document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Contains("execute their own wounded", document.QuerySelector("blockquote")!.TextContent);
        Assert.Equal(5, document.QuerySelectorAll("p").Length);
    }

    [Fact]
    public void A_body_starting_at_h1_is_shifted_under_the_page_headline()
    {
        var html = _body.ToHtml("# Top\n\ntext\n\n## Next\n\n### Deeper");
        Assert.DoesNotContain("<h1", html);
        Assert.Contains("<h2>Top</h2>", html);
        Assert.Contains("<h3>Next</h3>", html);
        Assert.Contains("<h4>Deeper</h4>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<details open ontoggle=alert(1)>")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void Nothing_executable_survives_sanitising(string markdown)
    {
        var document = new HtmlParser().ParseDocument("<body>" + _body.ToHtml(markdown) + "</body>");
        Assert.Empty(document.QuerySelectorAll("script, iframe, svg, img, object, embed, style, details"));
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style");
            if (element.GetAttribute("href") is { } href)
                Assert.Matches("^(https?:|mailto:)", href);
        }
    }

    [Fact]
    public void Links_are_kept_with_referral_protection()
    {
        var html = _body.ToHtml("See [the report](https://example.org/report).");
        Assert.Contains("href=\"https://example.org/report\"", html);
        Assert.Contains("rel=\"nofollow noopener noreferrer\"", html);
    }

    [Fact]
    public void Plain_text_for_the_search_index_has_no_markup()
    {
        var text = ArticleBody.ToPlainText("## Heading\n\nSome **bold** words and a [link](https://x.test).");
        Assert.Contains("Heading", text);
        Assert.Contains("Some bold words and a link", text);
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("https://x.test", text);
    }

    [Fact]
    public void Search_fragments_encode_article_text_and_keep_only_marks()
    {
        var fragment = ArticleSearch.Highlight("a <script>alert(1)</script> \u0002match\u0003 & more");
        Assert.Equal("a &lt;script&gt;alert(1)&lt;/script&gt; <mark>match</mark> &amp; more", fragment);
        Assert.Equal("<mark>open</mark>", ArticleSearch.Highlight("\u0002open"));
    }
}
