namespace NewsPlatform.Authoring.Tests.Import.Parsing;

public sealed class PublishedTimeTests
{
    [Theory]
    [InlineData("Jan.14 - 2025 1:36 PM CET", "2025-01-14T12:36:00Z")]
    [InlineData("Jul.14 - 2025 1:36 PM CEST", "2025-07-14T11:36:00Z")]
    [InlineData("Jan.14 - 2025 12:05 AM CET", "2025-01-13T23:05:00Z")]
    [InlineData("Jan.14 - 2025 12:00 AM CET", "2025-01-13T23:00:00Z")]
    [InlineData("Jan.14 - 2025 12:30 PM CET", "2025-01-14T11:30:00Z")]
    [InlineData("Jul.1 - 2025 12:00 PM CEST", "2025-07-01T10:00:00Z")]
    [InlineData("Jan.14 - 2025 11:59 PM CET", "2025-01-14T22:59:00Z")]
    [InlineData("Jul.14 - 2025 1:36 PM UTC", "2025-07-14T13:36:00Z")]
    [InlineData("Jan.14 - 2025 1:36 PM GMT", "2025-01-14T13:36:00Z")]
    [InlineData("Sept.3 - 2024 9:05 AM CEST", "2024-09-03T07:05:00Z")]
    [InlineData("January 14 - 2025 1:36 pm CET", "2025-01-14T12:36:00Z")]
    [InlineData("Jan. 14, 2025 1:36 p.m. CET", "2025-01-14T12:36:00Z")]
    [InlineData("Feb.29 - 2024 8:00 AM CET", "2024-02-29T07:00:00Z")]
    public void The_newsroom_time_becomes_the_UTC_instant(string time, string utc)
    {
        var article = Parse.Article(new SeedTextBuilder { Time = time }.Build());

        Assert.Equal(DateTimeOffset.Parse(utc), article.PublishedAt);
        Assert.Equal(TimeSpan.Zero, article.PublishedAt.Offset);
    }

    [Theory]
    [InlineData("Oct.26 - 2025 2:30 AM CEST", "2025-10-26T00:30:00Z")]
    [InlineData("Oct.26 - 2025 2:30 AM CET", "2025-10-26T01:30:00Z")]
    public void In_the_hour_that_repeats_when_clocks_go_back_the_abbreviation_decides(string time, string utc)
    {
        Assert.Equal(DateTimeOffset.Parse(utc), Parse.Article(new SeedTextBuilder { Time = time }.Build()).PublishedAt);
    }

    [Theory]
    [InlineData("Jul.14 - 2025 1:36 PM CET", "Line 5: expected CEST (UTC+02:00), the zone Europe/Copenhagen was on at that time; found \"CET\".")]
    [InlineData("Jan.14 - 2025 1:36 PM CEST", "Line 5: expected CET (UTC+01:00), the zone Europe/Copenhagen was on at that time; found \"CEST\".")]
    [InlineData("Jan.14 - 2025 1:36 PM BST", "Line 5: expected a time zone abbreviation (CET, CEST, UTC, GMT); found \"BST\".")]
    [InlineData("Jan.14 - 2025 1:36 PM EST", "Line 5: expected a time zone abbreviation (CET, CEST, UTC, GMT); found \"EST\".")]
    [InlineData("Jan.14 - 2025 1:36 PM PST", "Line 5: expected a time zone abbreviation (CET, CEST, UTC, GMT); found \"PST\".")]
    [InlineData("Mar.30 - 2025 2:30 AM CET", "Line 5: expected a time that exists in Europe/Copenhagen (clocks skip from standard to summer time there); found \"Mar.30 - 2025 2:30 AM CET\".")]
    [InlineData("Jan.14 - 2025 13:36 PM CET", "Line 5: expected a 12-hour clock time from 12:00 to 11:59 with AM or PM; found \"13:36\".")]
    [InlineData("Jan.14 - 2025 0:36 AM CET", "Line 5: expected a 12-hour clock time from 12:00 to 11:59 with AM or PM; found \"0:36\".")]
    [InlineData("Jan.14 - 2025 1:60 PM CET", "Line 5: expected a 12-hour clock time from 12:00 to 11:59 with AM or PM; found \"1:60\".")]
    [InlineData("Feb.29 - 2025 1:36 PM CET", "Line 5: expected a calendar date (a day that exists in that month, a year from 1900); found \"Feb.29 - 2025\".")]
    [InlineData("Jam.14 - 2025 1:36 PM CET", "Line 5: expected an English month name or abbreviation (Jan, Feb, … Dec); found \"Jam\".")]
    [InlineData("Jan.14 - 2025 13:36 CET", "Line 5: expected the publication time like \"Jan.14 - 2025 1:36 PM CET\"; found \"Jan.14 - 2025 13:36 CET\".")]
    [InlineData("2025-01-14T12:36:00Z", "Line 5: expected the publication time like \"Jan.14 - 2025 1:36 PM CET\"; found \"2025-01-14T12:36:00Z\".")]
    [InlineData("Jan.14 - 2025 1:36 PM", "Line 5: expected the publication time like \"Jan.14 - 2025 1:36 PM CET\"; found \"Jan.14 - 2025 1:36 PM\".")]
    public void A_time_that_is_not_the_newsrooms_is_refused_saying_what_was_expected(string time, string message)
    {
        var error = Parse.Error(new SeedTextBuilder { Time = time }.Build());

        Assert.Equal(5, error.Line);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Another_newsroom_zone_accepts_its_own_abbreviations()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var parser = new Authoring.Import.Parsing.SeedTextParser(london);

        var summer = parser.Parse(new SeedTextBuilder { Time = "Jul.14 - 2025 1:36 PM BST" }.Build());
        var wrong = parser.Parse(new SeedTextBuilder { Time = "Jul.14 - 2025 1:36 PM CEST" }.Build());
        var winter = parser.Parse(new SeedTextBuilder { Time = "Jul.14 - 2025 1:36 PM GMT" }.Build());

        Assert.Equal(DateTimeOffset.Parse("2025-07-14T12:36:00Z"), summer.Article!.PublishedAt);
        Assert.Equal(DateTimeOffset.Parse("2025-07-14T13:36:00Z"), winter.Article!.PublishedAt);
        Assert.Equal("Line 5: expected a time zone abbreviation (BST, UTC, GMT); found \"CEST\".", wrong.Error!.Message);
    }

    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static Authoring.Import.Parsing.SeedParseResult ParseInNewYork(string time) =>
        new Authoring.Import.Parsing.SeedTextParser(NewYork).Parse(new SeedTextBuilder { Time = time }.Build());

    [Theory]
    [InlineData("Jan.14 - 2025 1:36 PM EST", "2025-01-14T18:36:00Z")]
    [InlineData("Jul.14 - 2025 1:36 PM EDT", "2025-07-14T17:36:00Z")]
    [InlineData("Mar.9 - 2025 3:30 AM EDT", "2025-03-09T07:30:00Z")]
    [InlineData("Jul.14 - 2025 1:36 PM UTC", "2025-07-14T13:36:00Z")]
    public void A_New_York_newsroom_reads_EST_and_EDT_from_the_tz_database(string time, string utc)
    {
        var result = ParseInNewYork(time);

        Assert.Null(result.Error);
        Assert.Equal(DateTimeOffset.Parse(utc), result.Article!.PublishedAt);
        Assert.Equal(TimeSpan.Zero, result.Article.PublishedAt.Offset);
    }

    [Theory]
    [InlineData("Nov.2 - 2025 1:30 AM EDT", "2025-11-02T05:30:00Z")]
    [InlineData("Nov.2 - 2025 1:30 AM EST", "2025-11-02T06:30:00Z")]
    public void In_New_York_the_abbreviation_decides_the_hour_that_repeats_in_November(string time, string utc) =>
        Assert.Equal(DateTimeOffset.Parse(utc), ParseInNewYork(time).Article!.PublishedAt);

    [Theory]
    [InlineData("Jul.14 - 2025 1:36 PM EST", "Line 5: expected EDT (UTC-04:00), the zone America/New_York was on at that time; found \"EST\".")]
    [InlineData("Jan.14 - 2025 1:36 PM EDT", "Line 5: expected EST (UTC-05:00), the zone America/New_York was on at that time; found \"EDT\".")]
    [InlineData("Jan.14 - 2025 1:36 PM CET", "Line 5: expected a time zone abbreviation (EST, EDT, UTC, GMT); found \"CET\".")]
    [InlineData("Jan.14 - 2025 1:36 PM XYZ", "Line 5: expected a time zone abbreviation (EST, EDT, UTC, GMT); found \"XYZ\".")]
    [InlineData("Mar.9 - 2025 2:30 AM EST", "Line 5: expected a time that exists in America/New_York (clocks skip from standard to summer time there); found \"Mar.9 - 2025 2:30 AM EST\".")]
    public void A_New_York_newsroom_refuses_an_abbreviation_it_was_not_on_naming_line_and_abbreviation(string time, string message)
    {
        var error = ParseInNewYork(time).Error!;

        Assert.Equal(5, error.Line);
        Assert.Equal(message, error.Message);
    }
}
