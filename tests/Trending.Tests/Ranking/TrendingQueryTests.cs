using NewsPlatform.Trending.Ranking;

namespace NewsPlatform.Trending.Tests.Ranking;

public class TrendingQueryTests
{
    static readonly TrendingOptions Options = new();

    [Fact]
    public void Without_parameters_the_site_wide_top_ten_is_asked_for()
    {
        var (query, problem) = TrendingQuery.Parse(null, null, Options);

        Assert.Null(problem);
        Assert.Equal(new TrendingQuery(null, 10), query);
    }

    [Theory]
    [InlineData("news", "news")]
    [InlineData("News", "news")]
    [InlineData(" world ", "world")]
    [InlineData("local-news", "local-news")]
    [InlineData("", null)]
    public void Sections_are_slugs(string section, string? expected)
    {
        var (query, problem) = TrendingQuery.Parse(section, 5, Options);

        Assert.Null(problem);
        Assert.Equal(expected, query.Section);
    }

    [Theory]
    [InlineData("news/../api", null)]
    [InlineData("news'; drop table", null)]
    [InlineData("news", 0)]
    [InlineData("news", 51)]
    [InlineData("news", -3)]
    public void Anything_else_is_a_bad_request(string section, int? limit)
    {
        var (_, problem) = TrendingQuery.Parse(section, limit, Options);

        Assert.NotNull(problem);
        Assert.Equal(400, problem.StatusCode);
        Assert.False(string.IsNullOrEmpty(problem.ProblemDetails.Detail));
    }
}
