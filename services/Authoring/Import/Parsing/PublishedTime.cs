using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// Reads a newsroom timestamp such as <c>Jan.14 - 2025 1:36 PM CET</c> — month, day, year, 12-hour clock and the
/// abbreviation of the zone the newsroom was on at that moment — into a UTC instant.
/// </summary>
public static partial class PublishedTime
{
    public const string Example = "Jan.14 - 2025 1:36 PM CET";

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(
        @"^(?<month>\p{L}+)\.?\s*(?<day>\d{1,2})(?:\s*[-–—,]\s*|\s+)(?<year>\d{4}),?\s+(?<hour>\d{1,2}):(?<minute>\d{2})\s*(?<half>[AaPp])\.?\s?[Mm]\.?\s+(?<zone>\p{L}{2,5})$")]
    private static partial Regex Timestamp();

    public static DateTimeOffset Parse(SourceLine line, TimeZoneInfo newsroomZone)
    {
        var match = Timestamp().Match(line.Text);
        if (!match.Success)
            throw SeedFormatException.AtText(line.Number, $"the publication time like \"{Example}\"", line.Text);

        var month = MonthNumber(line, match.Groups["month"].Value);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (year < 1900 || day < 1 || day > DateTime.DaysInMonth(Math.Max(year, 1), month))
            throw SeedFormatException.AtText(line.Number, "a calendar date (a day that exists in that month, a year from 1900)", DatePart(match));

        var hour = int.Parse(match.Groups["hour"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].Value, CultureInfo.InvariantCulture);
        if (hour is < 1 or > 12 || minute > 59)
            throw SeedFormatException.AtText(line.Number, "a 12-hour clock time from 12:00 to 11:59 with AM or PM", $"{hour}:{minute:00}");

        // 12 AM is the start of the day and 12 PM is noon; every other hour adds 12 in the afternoon.
        var pm = char.ToUpperInvariant(match.Groups["half"].Value[0]) == 'P';
        var local = new DateTime(year, month, day, hour % 12 + (pm ? 12 : 0), minute, 0, DateTimeKind.Unspecified);
        return ToUtc(line, local, match.Groups["zone"].Value, newsroomZone);
    }

    private static DateTimeOffset ToUtc(SourceLine line, DateTime local, string zoneName, TimeZoneInfo newsroomZone)
    {
        var zone = ZoneAbbreviation.Find(zoneName);
        if (zone is null)
            throw SeedFormatException.AtText(line.Number,
                $"a time zone abbreviation ({string.Join(", ", ZoneAbbreviation.AcceptedFor(newsroomZone, local.Year))})", zoneName);

        var instant = new DateTimeOffset(local, zone.Offset).ToUniversalTime();
        if (zone.Matches(newsroomZone, instant)) return instant;

        // The abbreviation says which of the zone's offsets was meant (it settles the repeated hour in October);
        // one the newsroom was not on at that moment is a scraping or typing error, not a second time zone.
        if (newsroomZone.IsInvalidTime(local))
            throw SeedFormatException.AtText(line.Number,
                $"a time that exists in {newsroomZone.Id} (clocks skip from standard to summer time there)",
                line.Text);
        var offset = ZoneAbbreviation.FormatOffset(newsroomZone.GetUtcOffset(instant));
        var actual = ZoneAbbreviation.Of(newsroomZone, instant) is { } names ? $"{names} ({offset})" : offset;
        throw SeedFormatException.AtText(line.Number, $"{actual}, the zone {newsroomZone.Id} was on at that time", zone.Name);
    }

    private static int MonthNumber(SourceLine line, string name)
    {
        var lower = name.ToLowerInvariant();
        // "Sept" and full names are common in scraped bylines; three letters decide the month.
        var index = lower.Length >= 3 ? Array.IndexOf(Months, lower[..3]) : -1;
        var full = index < 0 ? null : CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[index].ToLowerInvariant();
        if (index < 0 || !(full!.StartsWith(lower, StringComparison.Ordinal) || lower == "sept"))
            throw SeedFormatException.AtText(line.Number, "an English month name or abbreviation (Jan, Feb, … Dec)", name);
        return index + 1;
    }

    private static string DatePart(Match match) =>
        $"{match.Groups["month"].Value}.{match.Groups["day"].Value} - {match.Groups["year"].Value}";
}
