namespace NewsPlatform.ReaderFeed.Newsroom;

public static class NewsroomConfiguration
{
    /// <summary>
    /// <c>Newsroom:Sections</c> as a list (appsettings) or one comma-separated value (an environment
    /// variable such as <c>Newsroom__Sections=News,World</c>); the default list when unset.
    /// </summary>
    public static IReadOnlyList<string> SectionNames(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{NewsroomOptions.Section}:Sections");
        if (!string.IsNullOrWhiteSpace(section.Value))
            return section.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var list = section.GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Trim().Length > 0).ToList();
        return list.Count > 0 ? list : SectionCatalog.DefaultNames;
    }
}
