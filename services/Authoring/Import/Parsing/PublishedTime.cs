using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// Reads a newsroom timestamp such as <c>Jan.14 - 2025 1:36 PM CET</c> — month, day, year, 12-hour clock and the
/// abbreviation of the zone the newsroom was on at that moment — into a UTC instant. The abbreviations are the
/// tz database's names for the newsroom zone (<c>Newsroom:TimeZone</c>): EST and EDT in America/New_York, CET and
/// CEST in Europe/Copenhagen. UTC and GMT are accepted in any newsroom. An abbreviation the newsroom zone does not
/// use that year, or one it was not on at that moment, is refused with the line and the abbreviations expected.
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

    private static DateTimeOffset ToUtc(SourceLine line, DateTime clock, string name, TimeZoneInfo newsroomZone)
    {
        // The tz database names every period of a zone ("EST", "EDT", "CET", "CEST"); .NET exposes no abbreviations.
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(newsroomZone.Id)
            ?? throw new InvalidOperationException(
                $"NewsPlatform cannot read archive times: the tz database has no zone '{newsroomZone.Id}' ('Newsroom:TimeZone' must be an IANA id).");
        var local = LocalDateTime.FromDateTime(clock);

        // A universal time is the same everywhere, whatever zone the newsroom is in.
        if (Universal.Contains(name, StringComparer.OrdinalIgnoreCase))
            return new DateTimeOffset(clock, TimeSpan.Zero);

        var used = NamesUsed(zone, local.Year);
        if (!used.Contains(name, StringComparer.OrdinalIgnoreCase))
            throw SeedFormatException.AtText(line.Number,
                $"a time zone abbreviation ({string.Join(", ", used.Concat(Universal))})", name);

        // The abbreviation says which of the zone's offsets was meant: in the hour that repeats when clocks go back
        // it decides between the two. One the newsroom was not on at that moment is a scraping or typing error.
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 0)
            throw SeedFormatException.AtText(line.Number,
                $"a time that exists in {newsroomZone.Id} (clocks skip from standard to summer time there)", line.Text);
        var candidates = mapping.Count == 1 ? [mapping.EarlyInterval] : new[] { mapping.EarlyInterval, mapping.LateInterval };
        if (candidates.FirstOrDefault(i => i.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } interval)
            return new OffsetDateTime(local, interval.WallOffset).ToDateTimeOffset().ToUniversalTime();

        var actual = string.Join(" or ", candidates.Select(i => $"{i.Name} ({FormatOffset(i.WallOffset)})"));
        throw SeedFormatException.AtText(line.Number, $"{actual}, the zone {newsroomZone.Id} was on at that time", name);
    }

    private static readonly string[] Universal = ["UTC", "GMT"];

    /// <summary>
    /// The abbreviations <paramref name="zone"/> is written with during <paramref name="year"/> ("CET", "CEST"),
    /// in the order they occur; numeric names such as "+03", which the format cannot carry, are left out.
    /// </summary>
    private static IReadOnlyList<string> NamesUsed(DateTimeZone zone, int year)
    {
        var start = new LocalDate(year, 1, 1).AtStartOfDayInZone(zone).ToInstant();
        var end = new LocalDate(year + 1, 1, 1).AtStartOfDayInZone(zone).ToInstant();
        return zone.GetZoneIntervals(start, end)
            .Select(i => i.Name)
            .Where(n => n.Length > 0 && n.All(char.IsAsciiLetter) && !Universal.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private static string FormatOffset(Offset offset) => "UTC" + offset.ToString("+HH:mm", CultureInfo.InvariantCulture);

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
