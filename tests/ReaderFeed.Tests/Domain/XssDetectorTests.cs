using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

/// <summary>The XSS checks are only as good as their detector: it must catch each kind of executable markup.</summary>
public class XssDetectorTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\" javascript:alert(1)\">x</a>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<form action=\"javascript:alert(1)\"></form>")]
    [InlineData("<p style=\"color:red\">x</p>")]
    [InlineData("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">")]
    [InlineData("<script src=\"/assets/beacon.js\">alert(1)</script>")]
    public void Executable_markup_is_detected(string html) =>
        Assert.NotEmpty(Html.ExecutableMarkup(Html.Parse(html)));

    [Theory]
    [InlineData("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")]
    [InlineData("<script type=\"application/ld+json\">{\"a\":\"\\u003Cscript\"}</script>")]
    [InlineData("<script src=\"/assets/beacon.js?v=1\" defer></script>")]
    [InlineData("<a href=\"/news/x\">x</a>")]
    public void Plain_text_data_and_our_own_script_are_not(string html) =>
        Assert.Empty(Html.ExecutableMarkup(Html.Parse(html)));
}
