using NewsPlatform.ServiceDefaults.Hosting;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Newsroom;

/// <summary>Settings under <c>Newsroom</c> that shape what readers see.</summary>
public sealed class NewsroomOptions : IValidatedOptions
{
    public const string Section = "Newsroom";

    public string TimeZone { get; set; } = NewsroomTimeZone.DefaultId;
    public string SiteUrl { get; set; } = "http://localhost:8080";
    public string SiteName { get; set; } = "NewsPlatform";
    public string Language { get; set; } = "en";
    /// <summary>PostgreSQL text-search configuration for the articles' language.</summary>
    public string SearchConfiguration { get; set; } = "english";

    /// <summary><see cref="SiteUrl"/> without a trailing slash, as links are built from it.</summary>
    public string SiteRoot => SiteUrl.TrimEnd('/');

    public IEnumerable<SettingProblem> Validate()
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone.Trim(), out _))
            yield return new(nameof(TimeZone), $"is '{TimeZone}', which is not a time zone on this machine (use an IANA id such as {NewsroomTimeZone.DefaultId})");
        if (!Uri.TryCreate(SiteUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new(nameof(SiteUrl), $"must be an absolute http(s) URL such as http://localhost:8080; it is '{SiteUrl}'");
        if (string.IsNullOrWhiteSpace(SiteName)) yield return new(nameof(SiteName), "must not be empty");
        if (string.IsNullOrWhiteSpace(Language)) yield return new(nameof(Language), "must not be empty");
        if (string.IsNullOrWhiteSpace(SearchConfiguration)) yield return new(nameof(SearchConfiguration), "must not be empty");
    }
}
