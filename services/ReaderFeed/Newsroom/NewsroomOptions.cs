using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Newsroom;

/// <summary>Settings under <c>Newsroom</c> that shape what readers see.</summary>
public sealed class NewsroomOptions
{
    public const string Section = "Newsroom";

    public string TimeZone { get; set; } = NewsroomTimeZone.DefaultId;
    public string SiteUrl { get; set; } = "http://localhost:8080";
    public string SiteName { get; set; } = "NewsPlatform";
    public string Language { get; set; } = "en";
    /// <summary>PostgreSQL text-search configuration for the articles' language.</summary>
    public string SearchConfiguration { get; set; } = "english";
}
