using System.Xml;
using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Pages;

namespace NewsPlatform.ReaderFeed.Feeds;

/// <summary>/sitemap.xml (home, sections, every live article) and /sitemap-news.xml (Google News: the last 2 days).</summary>
public static class Sitemaps
{
    const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    const int MaxUrls = 50_000;
    const int MaxNewsUrls = 1_000;
    public static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);

    public sealed class Entry
    {
        public string Path { get; set; } = "";
        public DateTimeOffset LastChangedAt { get; set; }
        public DateTimeOffset PublishedAt { get; set; }
        public string Headline { get; set; } = "";
    }

    public static async Task<CachedResult> Sitemap(SiteContext site) =>
        new(await site.Cache.GetOrRenderAsync("sitemap", () => RenderSitemapAsync(site)));

    /// <summary>Depends on the clock as well as the read models, so it is kept for a minute at most.</summary>
    public static async Task<CachedResult> News(SiteContext site) =>
        new(await site.Cache.GetOrRenderAsync("sitemap-news", () => RenderNewsAsync(site), TimeSpan.FromMinutes(1)));

    static async Task<CachedResponse> RenderSitemapAsync(SiteContext site)
    {
        await using var session = site.Store.QuerySession();
        var entries = await Live(session, since: null).Take(MaxUrls).ToListAsync();
        var presenter = site.Presenter;
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNs);
            var newest = entries.Count > 0 ? entries.Max(e => e.LastChangedAt) : (DateTimeOffset?)null;
            Url(xml, presenter.Absolute("/"), newest);
            foreach (var section in presenter.Sections.All)
                Url(xml, presenter.Absolute("/" + section.Slug), entries.Where(e => e.Path.StartsWith($"/{section.Slug}/", StringComparison.Ordinal)).Select(e => (DateTimeOffset?)e.LastChangedAt).Max());
            foreach (var entry in entries) Url(xml, presenter.Absolute(entry.Path), entry.LastChangedAt);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return new CachedResponse(StatusCodes.Status200OK, "application/xml; charset=utf-8", stream.ToArray(),
            entries.Count > 0 ? entries.Max(e => e.LastChangedAt) : null);
    }

    static async Task<CachedResponse> RenderNewsAsync(SiteContext site)
    {
        var cutoff = site.Time.GetUtcNow() - NewsWindow;
        await using var session = site.Store.QuerySession();
        var entries = await Live(session, since: cutoff).Take(MaxNewsUrls).ToListAsync();
        var presenter = site.Presenter;
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNs);
            xml.WriteAttributeString("xmlns", "news", null, NewsNs);
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url", SitemapNs);
                xml.WriteElementString("loc", SitemapNs, presenter.Absolute(entry.Path));
                xml.WriteStartElement("news", "news", NewsNs);
                xml.WriteStartElement("news", "publication", NewsNs);
                xml.WriteElementString("news", "name", NewsNs, XmlText.Clean(site.Site.SiteName));
                xml.WriteElementString("news", "language", NewsNs, site.Site.Language);
                xml.WriteEndElement();
                xml.WriteElementString("news", "publication_date", NewsNs, Presenter.Iso(entry.PublishedAt));
                xml.WriteElementString("news", "title", NewsNs, XmlText.Clean(entry.Headline));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return new CachedResponse(StatusCodes.Status200OK, "application/xml; charset=utf-8", stream.ToArray(),
            entries.Count > 0 ? entries.Max(e => e.LastChangedAt) : null);
    }

    static IQueryable<Entry> Live(IQuerySession session, DateTimeOffset? since)
    {
        var query = session.Query<ArticleView>().Where(x => x.Status == ArticleStatus.Live);
        if (since is { } cutoff) query = query.Where(x => x.PublishedAt >= cutoff);
        return query.OrderByDescending(x => x.PublishedAt)
            .Select(x => new Entry { Path = x.Path, LastChangedAt = x.LastChangedAt, PublishedAt = x.PublishedAt, Headline = x.Article!.Headline });
    }

    static void Url(XmlWriter xml, string loc, DateTimeOffset? lastModified)
    {
        xml.WriteStartElement("url", SitemapNs);
        xml.WriteElementString("loc", SitemapNs, loc);
        if (lastModified is { } at) xml.WriteElementString("lastmod", SitemapNs, Presenter.Iso(at));
        xml.WriteEndElement();
    }
}
