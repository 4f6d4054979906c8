using System.Net;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

/// <summary>The lower-casing and moved-slug redirects never send a reader off the site.</summary>
[Collection(ReaderFeedCollection.Name)]
public class RedirectTests(ReaderFeedHost host)
{
    [Theory]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%5CEvil.example")]
    [InlineData("/%09/Evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("/%5C/Evil.example")]
    [InlineData("/News%5CEvil.example")]
    [InlineData("/News/Evil%5C.example")]
    public async Task Addresses_that_would_resolve_off_site_are_not_redirected(string path)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Null(response.Headers.Location);
        Assert.NotEqual(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest,
            $"GET {path} answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Capitals_in_a_site_path_still_redirect_to_lower_case()
    {
        var section = await host.Client.GetAsync("/Sport");
        Assert.Equal(HttpStatusCode.MovedPermanently, section.StatusCode);
        Assert.Equal("/sport", section.Headers.Location!.OriginalString);
        var article = await host.Client.GetAsync("/Sport/Some-Match-Report");
        Assert.Equal(HttpStatusCode.MovedPermanently, article.StatusCode);
        Assert.Equal("/sport/some-match-report", article.Headers.Location!.OriginalString);
    }
}
