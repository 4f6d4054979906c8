using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace NewsPlatform.ServiceDefaults.Newsroom;

/// <summary>A newspaper section: its display name ("Business &amp; Money") and its URL segment ("business-money").</summary>
public sealed record Section(string Name, string Slug);

/// <summary>
/// The sections configured under <c>Newsroom:Sections</c>, the one list every service reads: Authoring accepts a
/// section by its name or its slug (in any letter case) and stores the name; the public site lists the sections and
/// addresses them by slug. A configuration the site could not serve stops start-up with a message that names the
/// setting: a section without letters for its URL, one whose URL is reserved by the site (<see cref="ReservedSegments"/>),
/// or two sections with the same name or the same URL.
/// </summary>
public sealed class Sections
{
    /// <summary>The configuration key.</summary>
    public const string Setting = "Newsroom:Sections";

    public static readonly IReadOnlyList<string> DefaultNames = ["News", "World", "Politics", "Business", "Sports", "Culture", "Opinion"];

    /// <summary>First URL segments of the public site that are not sections (lower case).</summary>
    public static readonly IReadOnlySet<string> ReservedSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "editor", "media", "authors", "search", "health", "openapi", "assets", "rss.xml", "sitemap.xml", "sitemap-news.xml", "sitemaps",
    };

    readonly Dictionary<string, Section> _bySlug;

    /// <exception cref="InvalidOperationException">The names are not a list of sections the site can serve.</exception>
    public Sections(IEnumerable<string> names)
    {
        All = names.Select(n => n.Trim()).Where(n => n.Length > 0).Select(n => new Section(n, UrlSlug.From(n))).ToList();
        if (All.Count == 0)
            throw Refused("no section is listed; NewsPlatform needs at least one");
        if (All.FirstOrDefault(s => s.Slug.Length == 0) is { } unwritable)
            throw Refused($"the section '{unwritable.Name}' has no letters or digits to make its URL from");
        var reserved = All.Where(s => IsReserved(s.Slug)).ToList();
        if (reserved.Count > 0)
            throw Refused(string.Join("; ", reserved.Select(s => $"'{s.Name}' cannot be a section: it would take the reserved URL segment '/{s.Slug}'")) +
                $" (the site keeps {string.Join(", ", ReservedSegments.Order())})");
        if (All.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } named)
            throw Refused($"the section '{named.Key}' is listed twice");
        if (All.GroupBy(s => s.Slug).FirstOrDefault(g => g.Count() > 1) is { } shared)
            throw Refused($"{string.Join(" and ", shared.Select(s => $"'{s.Name}'"))} would share the URL segment '/{shared.Key}'");
        _bySlug = All.ToDictionary(s => s.Slug, StringComparer.Ordinal);
    }

    /// <summary>The sections of a newsroom that configures none.</summary>
    public static Sections Default { get; } = new(DefaultNames);

    /// <summary>
    /// <c>Newsroom:Sections</c> as a list (appsettings) or one comma-separated value (an environment variable such as
    /// <c>Newsroom__Sections=News,World</c>); <see cref="Default"/> when unset.
    /// </summary>
    public static Sections From(IConfiguration configuration) => new(NamesFrom(configuration));

    static IReadOnlyList<string> NamesFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        if (!string.IsNullOrWhiteSpace(section.Value))
            return section.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var list = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0).ToList();
        return list.Count > 0 ? list : DefaultNames;
    }

    public IReadOnlyList<Section> All { get; }

    /// <summary>Whether a first URL segment belongs to the site itself, so can never be a section.</summary>
    public static bool IsReserved(string segment) => ReservedSegments.Contains(segment);

    /// <summary>The section with this name or slug, in any letter case; null for any other text.</summary>
    public Section? Find(string? nameOrSlug) => string.IsNullOrWhiteSpace(nameOrSlug)
        ? null
        : All.FirstOrDefault(s =>
            string.Equals(s.Name, nameOrSlug.Trim(), StringComparison.OrdinalIgnoreCase) ||
            string.Equals(s.Slug, nameOrSlug.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool IsConfigured(string slug) => _bySlug.ContainsKey(slug);

    /// <summary>The configured name, or a readable one for a section articles use but configuration does not list.</summary>
    public string NameOf(string slug) => _bySlug.TryGetValue(slug, out var s)
        ? s.Name
        : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(slug.Replace('-', ' '));

    /// <summary>"News, World, …", for messages that say which sections there are.</summary>
    public string Describe() => string.Join(", ", All.Select(s => s.Name));

    static InvalidOperationException Refused(string problem) => new($"NewsPlatform cannot start: in '{Setting}', {problem}.");
}
