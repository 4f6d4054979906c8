using Microsoft.Extensions.Configuration;

namespace NewsPlatform.Authoring.Editor;

/// <summary>What the editor shell needs from the newsroom configuration: its sections and its time zone.</summary>
public sealed record EditorSettings(IReadOnlyList<string> Sections, string TimeZone)
{
    public static readonly string[] DefaultSections = ["News", "World", "Politics", "Business", "Sports", "Culture", "Opinion"];
    public const string DefaultTimeZone = "Europe/Copenhagen";

    /// <summary>
    /// <c>Newsroom:Sections</c> may be a list (<c>Newsroom:Sections:0</c>, ...) or one comma-separated
    /// value (handy as an environment variable).
    /// </summary>
    public static EditorSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Newsroom:Sections");
        var listed = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        IEnumerable<string> raw = listed.Count > 0 ? listed : (section.Value ?? "").Split(',');
        var names = raw
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var zone = configuration["Newsroom:TimeZone"];
        return new(names.Count > 0 ? names : DefaultSections, string.IsNullOrWhiteSpace(zone) ? DefaultTimeZone : zone.Trim());
    }
}
