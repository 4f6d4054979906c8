using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>GET /: the lead story, the latest articles, each section's newest, and Trending Now.</summary>
public static class HomeRoute
{
    const int LatestCount = 12;
    const int PerSection = 4;

    public static async Task<CachedResult> Handle(SiteContext site) =>
        new(await site.Cache.GetOrRenderAsync("home", () => RenderAsync(site)));

    static async Task<CachedResponse> RenderAsync(SiteContext site)
    {
        await using var session = site.Store.QuerySession();
        var latest = await session.LatestAsync(LatestCount + 1);
        var bySection = new List<(Section Section, IReadOnlyList<ArticleView> Articles)>();
        foreach (var section in site.Presenter.Sections.All)
        {
            var articles = await session.LatestAsync(PerSection, section.Slug);
            if (articles.Count > 0) bySection.Add((section, articles));
        }
        var shown = latest.Concat(bySection.SelectMany(s => s.Articles)).ToList();
        var media = await session.HeroMediaAsync(shown, CancellationToken.None);
        var (trending, trendingAsOf) = await site.TrendingAsync(session);

        var presenter = site.Presenter;
        var cards = presenter.Cards(latest, media);
        var head = new PageHead($"{site.Site.SiteName} — latest news", $"The latest news from {site.Site.SiteName}.", site.Site.SiteUrl + "/")
        {
            Meta = [new("property", "og:type", "website"), new("property", "og:site_name", site.Site.SiteName),
                    new("property", "og:title", site.Site.SiteName), new("property", "og:url", site.Site.SiteUrl + "/")],
        };
        // The lead story is not repeated in its section's block.
        var lead = cards.FirstOrDefault();
        var blocks = bySection
            .Select(s => new SectionBlock(s.Section, presenter.Cards(s.Articles.Where(a => a.Id != lead?.Id), media)))
            .Where(b => b.Cards.Count > 0)
            .ToList();
        var model = new HomePageModel(site.Site, head, lead, cards.Skip(1).ToList(), blocks, trending);
        var body = await site.Renderer.RenderAsync<HomePage, HomePageModel>(model);
        return new CachedResponse(StatusCodes.Status200OK, SiteContext.Html, body,
            SiteContext.Latest([.. shown.Select(a => (DateTimeOffset?)a.LastChangedAt), .. media.Values.Select(m => (DateTimeOffset?)m.LastChangedAt), trendingAsOf]));
    }
}
