using NewsPlatform.ReaderFeed.Pages;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

/// <summary>The allow-list every redirect and foreign link of the reader site goes through.</summary>
public class SitePathTests
{
    [Theory]
    [InlineData("/news")]
    [InlineData("/news/valid-slug")]
    [InlineData("/News/Valid-Slug")]
    [InlineData("/authors/soren-aero")]
    [InlineData("/news/a-b?cursor=abc")]
    [InlineData("/news/article-2024")]
    public void Paths_of_this_site_are_allowed(string target) => Assert.True(SitePath.IsSameSite(target), target);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/\\evil.example")]            // GET /%5Cevil.example, decoded
    [InlineData("/\\Evil.example")]
    [InlineData("//evil.example")]
    [InlineData("///evil.example")]
    [InlineData("/\t/evil.example")]           // GET /%09/Evil.example, decoded: browsers drop the tab
    [InlineData("/\t/Evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\0/evil.example")]
    [InlineData("/news\\..\\\\evil.example")]   // a backslash anywhere
    [InlineData("/news/a\\b")]
    [InlineData("/news/a\u007fb")]
    [InlineData("/news/a b")]
    [InlineData("/news/\u00e9")]               // not ASCII: not a header value, and no slug has it
    [InlineData("/news/\u2028")]
    [InlineData("http://evil.example")]
    [InlineData("https://evil.example/news")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("news/valid-slug")]
    [InlineData("\\\\evil.example")]
    [InlineData(" /news")]
    public void Anything_else_is_refused(string? target) => Assert.False(SitePath.IsSameSite(target), target ?? "(null)");
}
