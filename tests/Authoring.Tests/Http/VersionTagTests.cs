using NewsPlatform.ServiceDefaults.Http;

namespace NewsPlatform.Authoring.Tests.Http;

/// <summary>The one If-Match rule every service's conditional writes follow (articles and media alike).</summary>
public sealed class VersionTagTests
{
    [Fact]
    public void The_etag_of_a_version_is_the_version_in_quotes() => Assert.Equal("\"7\"", VersionTag.ETag(7));

    [Theory]
    [InlineData("\"7\"", 7)]
    [InlineData(" \"7\" ", 7)]
    [InlineData("W/\"7\"", 7)]
    [InlineData("\"123456789012\"", 123456789012)]
    public void A_quoted_version_strong_or_weak_is_read_back(string header, long expected)
    {
        var ifMatch = VersionTag.Parse(header);

        Assert.Equal(new IfMatch(true, expected), ifMatch);
        Assert.False(ifMatch.IsInvalid);
    }

    [Fact]
    public void A_version_survives_being_written_and_read() =>
        Assert.Equal(42, VersionTag.Parse(VersionTag.ETag(42)).Version);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_if_match_means_no_precondition(string? header) => Assert.Equal(new IfMatch(false, null), VersionTag.Parse(header));

    [Theory]
    [InlineData("7")]
    [InlineData("\"0\"")]
    [InlineData("\"-3\"")]
    [InlineData("\"+3\"")]
    [InlineData("\"3.0\"")]
    [InlineData("\"\"")]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("\"abc\"")]
    [InlineData("\"99999999999999999999\"")]
    public void Anything_else_is_refused_rather_than_guessed(string header) => Assert.True(VersionTag.Parse(header).IsInvalid);
}
