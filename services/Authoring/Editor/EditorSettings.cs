using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Editor;

/// <summary>What the editor page needs from the newsroom configuration: its sections and its time zone.</summary>
public sealed record EditorSettings(IReadOnlyList<string> Sections, string TimeZone)
{
    /// <param name="sections">The sections the articles API accepts, so the picker never offers another.</param>
    public static EditorSettings From(Sections sections, IConfiguration configuration)
        => new(sections.All.Select(s => s.Name).ToList(), NewsroomTimeZone.From(configuration).Id);
}
