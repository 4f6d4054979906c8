using Microsoft.Extensions.Configuration;

namespace NewsPlatform.ServiceDefaults.Newsroom;

/// <summary>What every service agrees on about sections: the default list, the names configured, and the URL
/// segments that belong to the site itself and so can never be a section's.</summary>
public static class NewsroomSections
{
    public static readonly IReadOnlyList<string> DefaultNames = ["News", "World", "Politics", "Business", "Sports", "Culture", "Opinion"];

    /// <summary>First URL segments of the public site that are not sections (lower case).</summary>
    public static readonly IReadOnlySet<string> ReservedSegments = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "editor", "media", "authors", "search", "health", "openapi", "assets", "rss.xml", "sitemap.xml", "sitemap-news.xml", "sitemaps",
    };

    /// <summary>
    /// <c>Newsroom:Sections</c> as a list (appsettings) or one comma-separated value (an environment variable such as
    /// <c>Newsroom__Sections=News,World</c>); <see cref="DefaultNames"/> when unset.
    /// </summary>
    public static IReadOnlyList<string> NamesFrom(IConfiguration configuration)
    {
        var section = configuration.GetSection("Newsroom:Sections");
        if (!string.IsNullOrWhiteSpace(section.Value))
            return section.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var list = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0).ToList();
        return list.Count > 0 ? list : DefaultNames;
    }
}
