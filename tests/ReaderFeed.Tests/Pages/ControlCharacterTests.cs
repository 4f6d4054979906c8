using System.Net;
using System.Text.Json;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

/// <summary>Control characters and odd bytes in an address are the reader's mistake (400 or 404), never a 500.</summary>
[Collection(ReaderFeedCollection.Name)]
public class ControlCharacterTests(ReaderFeedHost host)
{
    [Theory]
    [InlineData("/search?q=abc%00def", "q")]
    [InlineData("/search?q=abc%0Adef", "q")]
    [InlineData("/api/feed/search?q=%00abc", "q")]
    [InlineData("/api/feed/articles?section=%00", "section")]
    [InlineData("/api/feed/articles?author=a%1Fb", "author")]
    [InlineData("/news?cursor=%00", "cursor")]
    public async Task A_control_character_in_a_query_parameter_is_a_problem_naming_it(string path, string parameter)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains($"'{parameter}'", problem.GetProperty("detail").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("/news/a%0D%0Ab")]
    [InlineData("/News/a%0D%0Ab")]
    [InlineData("/a%0Ab")]
    [InlineData("/authors/a%09b")]
    [InlineData("/a%0D%0Ab/rss.xml")]
    [InlineData("/api/feed/articles/%1B")]
    public async Task A_control_character_in_the_path_is_a_bad_request(string path)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("path", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/News/%C3%89")]
    [InlineData("/%C3%89")]
    [InlineData("/news/%C3%89")]
    [InlineData("/News/%E2%80%A8")]
    public async Task Letters_no_slug_has_are_not_found_not_a_server_error(string path)
    {
        var response = await host.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Theory]
    [InlineData("/news/%FF%FE")]
    [InlineData("/News/%ED%A0%80")]
    public async Task Bytes_that_are_not_utf8_are_not_a_server_error(string path)
    {
        // Kestrel leaves them percent-encoded; capitals in the hex still lower-case, to a path of the site.
        var response = await host.Client.GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"GET {path} answered {(int)response.StatusCode}");
        if (response.Headers.Location is { } location) Assert.True(NewsPlatform.ReaderFeed.Pages.SitePath.IsSameSite(location.OriginalString));
    }
}
