using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Import;

/// <summary>
/// Reads what the import needs from configuration: <c>Newsroom:TimeZone</c> (the zone the seed timestamps are
/// printed in) and <c>Authoring:SeedsPath</c> (the folder imported on start-up).
/// </summary>
public static class ImportSettings
{
    public const string SeedsPathKey = "Authoring:SeedsPath";
    public const string SeedsFolderName = "seeds";

    public static TimeZoneInfo NewsroomZone(IConfiguration configuration) => NewsroomTimeZone.From(configuration);

    /// <summary>
    /// The folder of seed texts: <c>Authoring:SeedsPath</c> (relative to the content root), else the nearest
    /// <c>seeds</c> folder at or above the content root — the repository's <c>seeds/</c> when run from a clone.
    /// Tests (environment "Testing") start from an empty newsroom unless they set the path.
    /// </summary>
    public static string? SeedsFolder(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration[SeedsPathKey] is { Length: > 0 } configured)
            return Path.GetFullPath(configured, environment.ContentRootPath);
        if (environment.IsEnvironment("Testing")) return null;
        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, SeedsFolderName);
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
