using AngleSharp.Html.Parser;
using NewsPlatform.TestKit;

namespace NewsPlatform.Rendering.Tests;

public sealed class ArticleBodyTests
{
    const string SeedBody = """
        North Korean troops stationed in Russia’s Kursk region have reportedly been instructed to commit suicide rather than risk capture by Ukrainian forces, according to South Korea’s National Intelligence Service (NIS).

        This development was reported by Yonhap on January 13.

        ## First North Korean Soldiers Captured

        Ukrainian President Volodymyr Zelenskyy recently announced the capture of two North Korean soldiers, describing the operation as particularly challenging.

        > “Russian and North Korean forces often execute their own wounded to prevent evidence of North Korea’s involvement in the war,” Zelenskyy explained.

        ## Putin’s Growing Dependence on North Korea

        Zelenskyy emphasized that Russia’s reliance on Pyongyang underscores the weakening state of its military.
        """;

    readonly ArticleBody _body = new();

    public static TheoryData<string, string> Hostile => Data(MarkdownCorpus.Hostile);

    static TheoryData<string, string> Data(IEnumerable<(string Name, string Markdown)> bodies)
    {
        var data = new TheoryData<string, string>();
        foreach (var (name, markdown) in bodies) data.Add(name, markdown);
        return data;
    }

    [Fact]
    public void Markdown_becomes_paragraphs_sub_headings_and_quotes()
    {
        var document = Parse(_body.ToHtml(SeedBody));

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

    [Fact]
    public void Emphasis_lists_code_quotes_and_tables_are_rendered()
    {
        var document = Parse(_body.ToHtml(string.Join("\n\n", MarkdownCorpus.Ordinary.Select(b => b.Markdown))));

        Assert.Equal("important", document.QuerySelector("strong")!.TextContent);
        Assert.Equal("struck", document.QuerySelector("del")!.TextContent);
        Assert.Equal(["Kursk", "Belgorod", "nested village", "Bryansk"], document.QuerySelectorAll("ul li").Select(li => li.ChildNodes[0].TextContent.Trim()));
        Assert.Equal("3", document.QuerySelector("ol")!.GetAttribute("start"));
        Assert.Equal(["Town", "Casualties"], document.QuerySelectorAll("table th").Select(th => th.TextContent));
        Assert.Equal("var x = \"<b>not bold</b>\";", document.QuerySelector("pre code")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("blockquote blockquote strong"));
        Assert.Contains("Tom & Jerry & friends © 2025 © <b>not bold</b> 5 < 6 > 4", document.Body!.TextContent);
        Assert.Equal("NATO", document.QuerySelector("abbr[title='North Atlantic Treaty Organization']")!.TextContent);
    }

    [Fact]
    public void Links_are_kept_with_referral_protection()
    {
        var html = _body.ToHtml("Read [the report](https://example.com/report) & more <b>now</b>.");

        Assert.Contains("<a href=\"https://example.com/report\" rel=\"nofollow noopener noreferrer\">the report</a>", html);
        Assert.Contains("&amp; more <b>now</b>", html);
    }

    [Fact]
    public void Web_mail_and_site_links_keep_their_address()
    {
        var document = Parse(_body.ToHtml(string.Join("\n\n", MarkdownCorpus.Ordinary.Select(b => b.Markdown))));
        var hrefs = document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Contains("https://example.com/report", hrefs);
        Assert.Contains("https://example.org/auto", hrefs);
        Assert.Contains("mailto:desk@example.com", hrefs);
        Assert.Contains("https://example.net/bare", hrefs);
        Assert.Contains("https://example.gov/statement", hrefs);
        Assert.Contains("/news/archive", hrefs);
    }

    [Fact]
    public void Images_are_not_part_of_a_body()
    {
        var html = _body.ToHtml("Before ![Soldiers](https://cdn.example.com/kursk.jpg) after");

        Assert.DoesNotContain("<img", html);
        Assert.Contains("Before", html);
        Assert.Contains("after", html);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Nothing_that_could_run_script_load_something_or_dress_up_as_the_page_survives(string name, string markdown)
    {
        var html = _body.ToHtml(markdown);

        var survivors = MarkdownCorpus.Survivors(html);
        Assert.True(survivors.Count == 0, $"{name}: {string.Join("; ", survivors)}\n{html}");
    }

    [Theory]
    [InlineData("<script>alert('x')</script>Hello", "<script")]
    [InlineData("[click me](javascript:alert('x'))", "javascript:")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "alert")]
    [InlineData("<div class=\"notice-conflict\">Someone else saved</div>", "class=")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"password\"></form>", "<form")]
    public void The_payload_leaves_no_trace_in_the_html(string markdown, string forbidden)
    {
        Assert.DoesNotContain(forbidden, _body.ToHtml(markdown), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_hostile_body_together_leaves_nothing_either()
    {
        var html = _body.ToHtml(string.Join("\n\n", MarkdownCorpus.Hostile.Select(b => b.Markdown)));

        Assert.Empty(MarkdownCorpus.Survivors(html));
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

    static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>");
}
