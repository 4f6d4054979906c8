using System.Xml;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Pages;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Feeds;

/// <summary>RSS 2.0 for the whole site (/rss.xml) and each section (/{section}/rss.xml).</summary>
public static class RssFeed
{
    const int Items = 50;
    const string Atom = "http://www.w3.org/2005/Atom";
    const string DublinCore = "http://purl.org/dc/elements/1.1/";
    const string MediaRss = "http://search.yahoo.com/mrss/";

    public static async Task<CachedResult> Site(SiteContext site) =>
        new(await site.Cache.GetOrRenderAsync("rss:", () => RenderAsync(site, null)));

    public static async Task<CachedResult> Section(string section, SiteContext site)
    {
        if (Sections.IsReserved(section)) return new CachedResult(await site.NotFoundAsync());
        return new CachedResult(await site.Cache.GetOrRenderAsync("rss:" + section, () => RenderAsync(site, section)));
    }

    static async Task<CachedResponse> RenderAsync(SiteContext site, string? section)
    {
        await using var session = site.Store.QuerySession();
        var articles = await session.LatestAsync(Items, section);
        if (section is not null && articles.Count == 0 && !site.Presenter.Sections.IsConfigured(section)) return await site.NotFoundAsync();
        var media = await session.HeroMediaAsync(articles, CancellationToken.None);
        var presenter = site.Presenter;
        var title = section is null ? site.Site.SiteName : $"{site.Site.SiteName}: {presenter.Sections.NameOf(section)}";
        var link = presenter.Absolute(section is null ? "/" : "/" + section);
        var self = presenter.Absolute(section is null ? "/rss.xml" : $"/{section}/rss.xml");

        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, Atom);
            xml.WriteAttributeString("xmlns", "dc", null, DublinCore);
            xml.WriteAttributeString("xmlns", "media", null, MediaRss);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", XmlText.Clean(title));
            xml.WriteElementString("link", link);
            xml.WriteElementString("description", XmlText.Clean(section is null
                ? $"The latest articles from {site.Site.SiteName}."
                : $"The latest {presenter.Sections.NameOf(section)} articles from {site.Site.SiteName}."));
            xml.WriteElementString("language", site.Site.Language);
            if (articles.Count > 0) xml.WriteElementString("lastBuildDate", XmlText.Rfc822(articles.Max(a => a.LastChangedAt)));
            xml.WriteStartElement("atom", "link", Atom);
            xml.WriteAttributeString("href", self);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", "application/rss+xml");
            xml.WriteEndElement();
            foreach (var article in articles) WriteItem(xml, presenter, article, media);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return new CachedResponse(StatusCodes.Status200OK, "application/rss+xml; charset=utf-8", stream.ToArray(),
            articles.Count > 0 ? articles.Max(a => a.LastChangedAt) : null);
    }

    static void WriteItem(XmlWriter xml, Presenter presenter, ArticleView view, IReadOnlyDictionary<Guid, MediaView> media)
    {
        var a = view.Article!;
        xml.WriteStartElement("item");
        xml.WriteElementString("title", XmlText.Clean(a.Headline));
        xml.WriteElementString("link", presenter.Absolute(view.Path));
        xml.WriteElementString("description", XmlText.Clean(a.Standfirst));
        xml.WriteElementString("pubDate", XmlText.Rfc822(a.PublishedAt));
        xml.WriteElementString("category", XmlText.Clean(presenter.Sections.NameOf(view.Section)));
        xml.WriteStartElement("guid");
        // The URL can change with the slug; the article id cannot.
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString($"urn:uuid:{view.Id}");
        xml.WriteEndElement();
        foreach (var author in a.Authors) xml.WriteElementString("dc", "creator", DublinCore, XmlText.Clean(author));
        if (a.HeroMediaId is { } id && HeroImage.From(media.GetValueOrDefault(id)) is { HasImage: true, Src: { } src } hero)
        {
            xml.WriteStartElement("media", "content", MediaRss);
            xml.WriteAttributeString("url", src.StartsWith('/') ? presenter.Absolute(src) : src);
            xml.WriteAttributeString("medium", "image");
            if (hero.Width is { } w) xml.WriteAttributeString("width", w.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (hero.Height is { } h) xml.WriteAttributeString("height", h.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (hero.Credit.Length > 0) xml.WriteElementString("media", "credit", MediaRss, XmlText.Clean(hero.Credit));
            if (hero.Alt.Length > 0) xml.WriteElementString("media", "description", MediaRss, XmlText.Clean(hero.Alt));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
