using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Newsroom;

/// <summary>A newspaper section: its display name ("News") and its URL segment ("news").</summary>
public sealed record Section(string Name, string Slug);

/// <summary>
/// The sections configured under <c>Newsroom:Sections</c>. Articles store the section's name;
/// the name or the slug are both accepted as input, in any letter case.
/// </summary>
public sealed class Sections
{
    readonly IReadOnlyList<Section> _all;

    public Sections(IEnumerable<string> names)
    {
        _all = names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => new Section(n.Trim(), UrlSlug.From(n))).ToList();
        if (_all.Count == 0)
            throw new ArgumentException("NewsPlatform needs at least one section in 'Newsroom:Sections'.", nameof(names));
        if (_all.FirstOrDefault(s => s.Slug.Length == 0) is { } unwritable)
            throw new ArgumentException($"The section '{unwritable.Name}' has no letters or digits to make its URL from.", nameof(names));
        if (_all.FirstOrDefault(s => NewsroomSections.ReservedSegments.Contains(s.Slug)) is { } reserved)
            throw new ArgumentException($"The section '{reserved.Name}' would take the reserved URL segment '/{reserved.Slug}'.", nameof(names));
        if (_all.GroupBy(s => s.Slug).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"Two configured sections share the URL segment '/{twice.Key}'.", nameof(names));
    }

    public static Sections Default { get; } = new(NewsroomSections.DefaultNames);

    public IReadOnlyList<Section> All => _all;

    public Section? Find(string? nameOrSlug) => string.IsNullOrWhiteSpace(nameOrSlug)
        ? null
        : _all.FirstOrDefault(s =>
            string.Equals(s.Name, nameOrSlug.Trim(), StringComparison.OrdinalIgnoreCase) ||
            string.Equals(s.Slug, nameOrSlug.Trim(), StringComparison.OrdinalIgnoreCase));

    public string Describe() => string.Join(", ", _all.Select(s => s.Name));
}
