using System.Globalization;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Newsroom;

public sealed record SectionInfo(string Slug, string Name);

/// <summary>
/// The sections configured under <c>Newsroom:Sections</c> (a list, or one comma-separated string).
/// A section slug can never be one of the reserved first path segments of the public site.
/// </summary>
public sealed class SectionCatalog
{
    readonly Dictionary<string, SectionInfo> _bySlug;

    public SectionCatalog(IEnumerable<string> names)
    {
        All = names.Select(n => n.Trim()).Where(n => n.Length > 0)
            .Select(n => new SectionInfo(UrlSlug.From(n), n))
            .DistinctBy(s => s.Slug)
            .ToList();
        var reserved = All.Where(s => s.Slug.Length == 0 || IsReserved(s.Slug)).Select(s => s.Name).ToList();
        if (reserved.Count > 0)
            throw new InvalidOperationException(
                $"NewsPlatform cannot start: 'Newsroom:Sections' contains {string.Join(", ", reserved.Select(r => $"'{r}'"))}, " +
                $"which cannot be a section because its URL is reserved ({string.Join(", ", NewsroomSections.ReservedSegments.Order())}).");
        _bySlug = All.ToDictionary(s => s.Slug, StringComparer.Ordinal);
    }

    public IReadOnlyList<SectionInfo> All { get; }

    public static bool IsReserved(string segment) => NewsroomSections.ReservedSegments.Contains(segment);

    public bool IsConfigured(string slug) => _bySlug.ContainsKey(slug);

    /// <summary>The configured name, or a readable one for a section articles use but configuration does not list.</summary>
    public string NameOf(string slug) => _bySlug.TryGetValue(slug, out var s)
        ? s.Name
        : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));
}
