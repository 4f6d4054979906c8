namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// A time zone abbreviation as newsrooms print it. .NET exposes no abbreviations (on Linux
/// <see cref="TimeZoneInfo.StandardName"/> is a long display name), so the ones the format meets are listed
/// with their offset and whether they denote summer time; together those identify which one a zone is on.
/// </summary>
public sealed record ZoneAbbreviation(string Name, TimeSpan Offset, bool IsDaylight, bool IsUniversal = false)
{
    private static readonly ZoneAbbreviation[] Known =
    [
        new("UTC", TimeSpan.Zero, false, IsUniversal: true),
        new("GMT", TimeSpan.Zero, false, IsUniversal: true),
        new("WET", TimeSpan.Zero, false),
        new("WEST", TimeSpan.FromHours(1), true),
        new("BST", TimeSpan.FromHours(1), true),
        new("CET", TimeSpan.FromHours(1), false),
        new("CEST", TimeSpan.FromHours(2), true),
        new("EET", TimeSpan.FromHours(2), false),
        new("EEST", TimeSpan.FromHours(3), true),
    ];

    public static ZoneAbbreviation? Find(string name) =>
        Known.FirstOrDefault(z => z.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// What <paramref name="zone"/> is called at <paramref name="instant"/>: the known abbreviations with its offset
    /// and summer-time state ("CEST"; "WEST or BST" where two regions name the same thing), or null if none.
    /// </summary>
    public static string? Of(TimeZoneInfo zone, DateTimeOffset instant)
    {
        var names = Matching(zone, instant).Select(z => z.Name).ToList();
        return names.Count == 0 ? null : string.Join(" or ", names);
    }

    /// <summary>Every abbreviation accepted for <paramref name="zone"/> during <paramref name="year"/>, for error messages.</summary>
    public static IReadOnlyList<string> AcceptedFor(TimeZoneInfo zone, int year)
    {
        var local = new[] { 1, 4, 7, 10 }
            .SelectMany(month => Matching(zone, new DateTimeOffset(year, month, 15, 12, 0, 0, TimeSpan.Zero)));
        return local.Concat(Known.Where(z => z.IsUniversal)).Select(z => z.Name).Distinct().ToList();
    }

    public bool Matches(TimeZoneInfo zone, DateTimeOffset instant) =>
        IsUniversal || (zone.GetUtcOffset(instant) == Offset && zone.IsDaylightSavingTime(instant) == IsDaylight);

    private static IEnumerable<ZoneAbbreviation> Matching(TimeZoneInfo zone, DateTimeOffset instant) =>
        Known.Where(z => !z.IsUniversal && z.Matches(zone, instant));

    public override string ToString() => $"{Name} ({FormatOffset(Offset)})";

    public static string FormatOffset(TimeSpan offset) => $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
}
