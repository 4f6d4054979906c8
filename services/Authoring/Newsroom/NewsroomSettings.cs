using Microsoft.Extensions.Configuration;

namespace NewsPlatform.Authoring.Newsroom;

/// <summary>Reads <c>Newsroom:*</c>: the sections (a list, or one comma-separated value) and the newsroom's time zone.</summary>
public static class NewsroomSettings
{
    public static Sections ReadSections(IConfiguration configuration)
    {
        var section = configuration.GetSection("Newsroom:Sections");
        var names = section.Get<string[]>() is { Length: > 0 } list ? list
            : section.Value is { Length: > 0 } csv ? csv.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : null;
        return names is null ? Sections.Default : new Sections(names);
    }
}
