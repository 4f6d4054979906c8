using NewsPlatform.Media.Assets;

namespace NewsPlatform.Media.Tests.Assets;

public class MediaMetadataTests
{
    [Fact]
    public void Trims_and_accepts_a_credit_with_optional_caption_and_alt()
    {
        var validation = MediaMetadata.Validate("  Photo: Stefan Bruder / Shutterstock.com ", "Line one\r\nline two", null, new FocalPoint(0.25, 1));

        Assert.Equal(new MediaMetadata("Photo: Stefan Bruder / Shutterstock.com", "Line one\nline two", "", new FocalPoint(0.25, 1)), validation.Metadata);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_credit_is_required(string? credit)
    {
        var validation = MediaMetadata.Validate(credit, "caption", "alt", null);

        Assert.False(validation.IsValid);
        Assert.Contains("credit is required", Assert.Single(validation.Errors["credit"]));
    }

    [Fact]
    public void Names_every_field_that_is_wrong()
    {
        var validation = MediaMetadata.Validate(new string('c', 301), "ok", "tab\there", new FocalPoint(1.5, double.NaN));

        Assert.Equal(["alt", "credit", "focalPoint"], validation.Errors.Keys.Order());
        Assert.Contains("301 characters long; the limit is 300", validation.Errors["credit"][0]);
        Assert.Contains("control characters", validation.Errors["alt"][0]);
        Assert.Contains("between 0 and 1", validation.Errors["focalPoint"][0]);
    }

    [Fact]
    public void Only_the_caption_may_break_lines()
    {
        Assert.True(MediaMetadata.Validate("Credit", "one\ntwo", "alt", null).IsValid);
        Assert.False(MediaMetadata.Validate("Credit\nsecond line", "caption", "alt", null).IsValid);
    }
}
