using NewsPlatform.ReaderFeed.Search;

namespace NewsPlatform.ReaderFeed.Tests.Search;

public class SearchHighlightTests
{
    [Fact]
    public void Search_fragments_encode_article_text_and_keep_only_marks()
    {
        var fragment = ArticleSearch.Highlight("a <script>alert(1)</script> \u0002match\u0003 & more");
        Assert.Equal("a &lt;script&gt;alert(1)&lt;/script&gt; <mark>match</mark> &amp; more", fragment);
        Assert.Equal("<mark>open</mark>", ArticleSearch.Highlight("\u0002open"));
    }
}
