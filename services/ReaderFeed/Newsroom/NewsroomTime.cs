using System.Globalization;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Newsroom;

/// <summary>
/// Shows instants (stored in UTC) in the newsroom's time zone with the abbreviation readers know:
/// 2025-01-14T12:36:00Z in Europe/Copenhagen is "14 January 2025 1:36 PM CET". It formats times and never reads
/// the clock; what time it is comes from <see cref="TimeProvider"/>.
/// </summary>
public sealed class NewsroomTime
{
    public NewsroomTime(string timeZoneId) => Zone = NewsroomTimeZone.Find(timeZoneId);

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>"14 January 2025 1:36 PM CET".</summary>
    public string Format(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        return local.ToString("d MMMM yyyy h:mm tt", CultureInfo.InvariantCulture) + " " + Abbreviation(instant);
    }

    /// <summary>"14 Jan 2025".</summary>
    public string FormatDate(DateTimeOffset instant) =>
        ToLocal(instant).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// .NET knows offsets but not abbreviations; these are the common ones by region and standard offset,
    /// and anything else is written as a UTC offset, which is never wrong.
    /// </summary>
    public string Abbreviation(DateTimeOffset instant)
    {
        var dst = Zone.IsDaylightSavingTime(instant);
        var offset = Zone.GetUtcOffset(instant);
        var standard = dst ? offset - DaylightDelta(instant) : offset;
        var id = Zone.Id;
        if (id is "UTC" or "Etc/UTC" or "Etc/UCT" or "Universal" or "Zulu" or "Etc/Universal" or "Etc/Zulu") return "UTC";
        if (id is "Europe/London" or "Europe/Belfast" or "Europe/Guernsey" or "Europe/Jersey" or "Europe/Isle_of_Man" or "GB")
            return dst ? "BST" : "GMT";
        if (id is "Europe/Dublin" or "Eire") return dst ? "IST" : "GMT";
        if (id.StartsWith("Europe/", StringComparison.Ordinal) || id.StartsWith("Atlantic/", StringComparison.Ordinal) || id is "CET" or "EET" or "WET")
        {
            switch (standard.TotalHours)
            {
                case 0: return dst ? "WEST" : "WET";
                case 1: return dst ? "CEST" : "CET";
                case 2: return dst ? "EEST" : "EET";
            }
        }
        if (id.StartsWith("America/", StringComparison.Ordinal) || id.StartsWith("US/", StringComparison.Ordinal))
        {
            switch (standard.TotalHours)
            {
                case -5: return dst ? "EDT" : "EST";
                case -6: return dst ? "CDT" : "CST";
                case -7: return dst ? "MDT" : "MST";
                case -8: return dst ? "PDT" : "PST";
            }
        }
        return offset == TimeSpan.Zero ? "UTC" : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
    }

    TimeSpan DaylightDelta(DateTimeOffset instant)
    {
        var rule = Zone.GetAdjustmentRules().FirstOrDefault(r => r.DateStart <= instant.UtcDateTime && r.DateEnd >= instant.UtcDateTime);
        return rule?.DaylightDelta is { } delta && delta != TimeSpan.Zero ? delta : TimeSpan.FromHours(1);
    }
}
