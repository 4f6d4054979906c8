using NewsPlatform.ReaderFeed.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Tests.Domain;

public class NewsroomTests
{
    [Theory]
    [InlineData("2025-01-14T12:36:00Z", "Europe/Copenhagen", "14 January 2025 1:36 PM CET")]
    [InlineData("2025-07-01T10:00:00Z", "Europe/Copenhagen", "1 July 2025 12:00 PM CEST")]
    [InlineData("2025-03-30T00:59:00Z", "Europe/Copenhagen", "30 March 2025 1:59 AM CET")]
    [InlineData("2025-03-30T01:00:00Z", "Europe/Copenhagen", "30 March 2025 3:00 AM CEST")]
    [InlineData("2025-07-01T10:00:00Z", "Europe/London", "1 July 2025 11:00 AM BST")]
    [InlineData("2025-01-14T12:36:00Z", "UTC", "14 January 2025 12:36 PM UTC")]
    [InlineData("2025-01-14T12:36:00Z", "Asia/Kolkata", "14 January 2025 6:06 PM UTC+05:30")]
    public void Times_are_shown_in_the_newsroom_zone_with_its_abbreviation(string utc, string zone, string expected) =>
        Assert.Equal(expected, new NewsroomTime(zone).Format(DateTimeOffset.Parse(utc)));

    [Fact]
    public void An_unknown_time_zone_stops_start_up_with_a_clear_message()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new NewsroomTime("Mars/Olympus_Mons"));
        Assert.Contains("Newsroom:TimeZone", ex.Message);
    }

    [Theory]
    [InlineData("Camilla Jessen", "camilla-jessen")]
    [InlineData("  Søren  Ærø-Ågård ", "soren-aero-agard")]
    [InlineData("José Müller", "jose-muller")]
    [InlineData("<script>alert(1)</script>", "script-alert-1-script")]
    [InlineData("Анна Петрова", "anna-petrova")]
    [InlineData("Γιώργος Παπαδόπουλος", "giorgos-papadopoylos")]
    public void Names_become_url_slugs(string name, string slug) => Assert.Equal(slug, UrlSlug.From(name));
}
