using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Newsroom;
using NewsPlatform.ReaderFeed.Trending;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>Turns read models into what pages show: links, times in the newsroom zone, photos.</summary>
public sealed class Presenter(SiteChrome site, Sections sections, NewsroomTime newsroomTime)
{
    public SiteChrome Site => site;
    public Sections Sections => sections;

    public string Absolute(string path) => site.SiteUrl + path;

    public TimeDisplay Time(DateTimeOffset at) => new(Iso(at), newsroomTime.Format(at));

    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string AuthorUrl(string name) => "/authors/" + UrlSlug.From(name);

    public IReadOnlyList<AuthorLink> Authors(IEnumerable<string> names) =>
        names.Where(n => !string.IsNullOrWhiteSpace(n) && UrlSlug.From(n).Length > 0).Select(n => new AuthorLink(n, AuthorUrl(n))).ToList();

    public ArticleCard Card(ArticleView view, IReadOnlyDictionary<Guid, MediaView> media)
    {
        var a = view.Article!;
        var hero = a.HeroMediaId is { } id ? HeroImage.From(media.GetValueOrDefault(id)) : null;
        return new ArticleCard(view.Id, view.Path, a.Headline, a.Standfirst, view.Section, sections.NameOf(view.Section),
            Authors(a.Authors), Time(a.PublishedAt), hero);
    }

    public IReadOnlyList<ArticleCard> Cards(IEnumerable<ArticleView> views, IReadOnlyDictionary<Guid, MediaView> media) =>
        views.Where(v => v.IsLive).Select(v => Card(v, media)).ToList();

    /// <summary>
    /// Trending items link through this service's own read model, so the box never shows an unpublished
    /// article and always uses the current URL and headline; an article not seen here yet keeps the
    /// Trending service's link only if it is a plain site path.
    /// </summary>
    public static IReadOnlyList<TrendingEntry> Trending(TrendingView? trending, IReadOnlyList<ArticleView> known, int limit = 5)
    {
        if (trending is null) return [];
        var byId = known.ToDictionary(a => a.Id);
        var entries = new List<TrendingEntry>();
        foreach (var item in trending.Items.OrderByDescending(i => i.Score))
        {
            if (byId.TryGetValue(item.ArticleId, out var article))
            {
                if (article.IsLive) entries.Add(new TrendingEntry(article.Article!.Headline, article.Path));
            }
            else if (SitePath.IsSameSite(item.Url) && !string.IsNullOrWhiteSpace(item.Headline))
                entries.Add(new TrendingEntry(item.Headline, item.Url));
            if (entries.Count == limit) break;
        }
        return entries;
    }

    public static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}
