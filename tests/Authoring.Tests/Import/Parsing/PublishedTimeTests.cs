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
    [InlineData("Jan.14 - 2025 1:36 PM BST", "Line 5: expected CET (UTC+01:00), the zone Europe/Copenhagen was on at that time; found \"BST\".")]
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

        Assert.Equal(DateTimeOffset.Parse("2025-07-14T12:36:00Z"), summer.Article!.PublishedAt);
        Assert.Equal("Line 5: expected WEST or BST (UTC+01:00), the zone Europe/London was on at that time; found \"CEST\".", wrong.Error!.Message);
    }
}
