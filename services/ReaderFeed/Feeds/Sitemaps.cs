using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Caching;
using NewsPlatform.ReaderFeed.Pages;

namespace NewsPlatform.ReaderFeed.Feeds;

/// <summary>
/// The sitemaps of the whole archive. /sitemap.xml is a sitemap index naming /sitemaps/pages.xml (home and
/// sections) and one child per month of publication (UTC), /sitemaps/2025-01.xml; a month with more URLs than a
/// sitemap may hold is split into /sitemaps/2025-01-2.xml and so on. Each child has its own lastmod (in the
/// index), ETag and cache lifetime: months before the last are rarely touched, so caches keep them for a day.
/// /sitemap-news.xml is the Google News sitemap: articles of the last 2 days, at most 1,000.
/// </summary>
public static partial class Sitemaps
{
    const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    const string NewsNs = "http://www.google.com/schemas/sitemap-news/0.9";
    const string Xml = "application/xml; charset=utf-8";

    /// <summary>The sitemap protocol's limit of URLs in one sitemap.</summary>
    public const int MaxUrls = 50_000;
    const int MaxNewsUrls = 1_000;
    public static readonly TimeSpan NewsWindow = TimeSpan.FromDays(2);

    /// <summary>Months before the previous one: shared caches keep them a day, this process an hour (a change still drops them at once).</summary>
    const string OldMonth = "public, max-age=86400, stale-while-revalidate=3600";
    static readonly TimeSpan OldMonthLifetime = TimeSpan.FromHours(1);

    public sealed class Entry
    {
        public string Path { get; set; } = "";
        public DateTimeOffset LastChangedAt { get; set; }
        public DateTimeOffset PublishedAt { get; set; }
        public string Headline { get; set; } = "";
    }

    /// <summary>One month's live articles, as the sitemap index counts them.</summary>
    public sealed class Month
    {
        public int Year { get; set; }
        public int Number { get; set; }
        public int Urls { get; set; }
        public DateTimeOffset LastChangedAt { get; set; }
    }

    /// <summary>A child sitemap of articles: a month of publication and, for a month split in parts, the part (from 1).</summary>
    public sealed record Child(int Year, int Month, int Part)
    {
        public string Name => Part == 1 ? $"{Year:D4}-{Month:D2}" : $"{Year:D4}-{Month:D2}-{Part}";
        public string Path => $"/sitemaps/{Name}.xml";
        public DateTimeOffset From => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

        public static bool TryParse(string name, out Child? child)
        {
            child = null;
            var match = ChildName().Match(name);
            if (!match.Success) return false;
            var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var month = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            var part = match.Groups[3].Success && int.TryParse(match.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
            if (year < 1 || year > 9998 || month < 1 || month > 12 || part < 1 || (match.Groups[3].Success && part == 1)) return false;
            child = new Child(year, month, part);
            return true;
        }
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})(?:-([1-9]\d{0,5}))?\.xml$", RegexOptions.CultureInvariant)]
    private static partial Regex ChildName();

    public static async Task<CachedResult> Index(SiteContext site) =>
        new(await site.Cache.GetOrRenderAsync("sitemap", () => RenderIndexAsync(site, MaxUrls)));

    /// <summary>GET /sitemaps/{name}: pages.xml or a month's child; anything else is not found.</summary>
    public static async Task<CachedResult> Part(string name, SiteContext site)
    {
        if (name == "pages.xml") return new(await site.Cache.GetOrRenderAsync("sitemap:pages", () => RenderPagesAsync(site)));
        if (!Child.TryParse(name, out var child)) return new(await site.NotFoundAsync());
        var old = child!.From < Previous(site.Time.GetUtcNow());
        var response = await site.Cache.GetOrRenderAsync("sitemap:" + child.Name, () => RenderChildAsync(site, child, MaxUrls),
            old ? OldMonthLifetime : null);
        return new(response, old && response.StatusCode == StatusCodes.Status200OK ? OldMonth : null);
    }

    /// <summary>Depends on the clock as well as the read models, so it is kept for a minute at most.</summary>
    public static async Task<CachedResult> News(SiteContext site) =>
        new(await site.Cache.GetOrRenderAsync("sitemap-news", () => RenderNewsAsync(site), TimeSpan.FromMinutes(1)));

    /// <summary>The first day of the month before the current one: months from there on still change often.</summary>
    static DateTimeOffset Previous(DateTimeOffset now) => new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(-1);

    /// <summary>Live articles per month of publication, newest month first, from the (status, published_at, last_changed_at) index.</summary>
    public static async Task<IReadOnlyList<Month>> MonthsAsync(IQuerySession session, CancellationToken cancellationToken = default) =>
        await session.AdvancedSql.QueryAsync<Month>(
            $"""
            select jsonb_build_object('Year', extract(year from m)::int, 'Number', extract(month from m)::int, 'Urls', n, 'LastChangedAt', changed)
            from (select date_trunc('month', published_at at time zone 'UTC') as m, count(*) as n, max(last_changed_at) as changed
                  from {session.DocumentStore.Options.Schema.For<ArticleView>()} where status = ? group by 1) months
            order by m desc
            """, cancellationToken, nameof(ArticleStatus.Live));

    /// <summary>The children of a month with <paramref name="urls"/> live articles, at most <paramref name="maxUrls"/> each.</summary>
    public static IEnumerable<Child> ChildrenOf(Month month, int maxUrls) =>
        Enumerable.Range(1, Math.Max(1, (month.Urls + maxUrls - 1) / maxUrls)).Select(part => new Child(month.Year, month.Number, part));

    public static async Task<CachedResponse> RenderIndexAsync(SiteContext site, int maxUrls)
    {
        await using var session = site.Store.QuerySession();
        var months = await MonthsAsync(session);
        var newest = months.Count > 0 ? months.Max(m => m.LastChangedAt) : (DateTimeOffset?)null;
        return Document(site, "sitemapindex", xml =>
        {
            Element(xml, "sitemap", site.Presenter.Absolute("/sitemaps/pages.xml"), newest);
            foreach (var month in months)
                foreach (var child in ChildrenOf(month, maxUrls))
                    Element(xml, "sitemap", site.Presenter.Absolute(child.Path), month.LastChangedAt);
        }, newest);
    }

    static async Task<CachedResponse> RenderPagesAsync(SiteContext site)
    {
        await using var session = site.Store.QuerySession();
        var presenter = site.Presenter;
        var home = (await session.LatestAsync(1)).FirstOrDefault()?.LastChangedAt;
        var sections = new List<(string Path, DateTimeOffset? LastChangedAt)>();
        foreach (var section in presenter.Sections.All)
            sections.Add(("/" + section.Slug, (await session.LatestAsync(1, section.Slug)).FirstOrDefault()?.LastChangedAt));
        return Document(site, "urlset", xml =>
        {
            Element(xml, "url", presenter.Absolute("/"), home);
            foreach (var (path, at) in sections) Element(xml, "url", presenter.Absolute(path), at);
        }, SiteContext.Latest([home, .. sections.Select(s => s.LastChangedAt)]));
    }

    /// <summary>A month's live articles in publication order, the given part of at most <paramref name="maxUrls"/>; not found past its end.</summary>
    public static async Task<CachedResponse> RenderChildAsync(SiteContext site, Child child, int maxUrls)
    {
        await using var session = site.Store.QuerySession();
        var from = child.From;
        var to = from.AddMonths(1);
        var entries = await session.Query<ArticleView>()
            .Where(x => x.Status == ArticleStatus.Live && x.PublishedAt >= from && x.PublishedAt < to)
            .OrderBy(x => x.PublishedAt).ThenBy(x => x.Id)
            .Skip((child.Part - 1) * maxUrls).Take(maxUrls)
            .Select(x => new Entry { Path = x.Path, LastChangedAt = x.LastChangedAt })
            .ToListAsync();
        if (entries.Count == 0) return await site.NotFoundAsync();
        var newest = entries.Max(e => e.LastChangedAt);
        return Document(site, "urlset", xml =>
        {
            foreach (var entry in entries) Element(xml, "url", site.Presenter.Absolute(entry.Path), entry.LastChangedAt);
        }, newest);
    }

    static async Task<CachedResponse> RenderNewsAsync(SiteContext site)
    {
        var cutoff = site.Time.GetUtcNow() - NewsWindow;
        await using var session = site.Store.QuerySession();
        var entries = await session.Query<ArticleView>()
            .Where(x => x.Status == ArticleStatus.Live && x.PublishedAt >= cutoff)
            .OrderByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            .Take(MaxNewsUrls)
            .Select(x => new Entry { Path = x.Path, LastChangedAt = x.LastChangedAt, PublishedAt = x.PublishedAt, Headline = x.Article!.Headline })
            .ToListAsync();
        var presenter = site.Presenter;
        return Document(site, "urlset", xml =>
        {
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
        }, entries.Count > 0 ? entries.Max(e => e.LastChangedAt) : null);
    }

    static CachedResponse Document(SiteContext site, string root, Action<XmlWriter> write, DateTimeOffset? lastModified)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, XmlText.Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, SitemapNs);
            write(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return new CachedResponse(StatusCodes.Status200OK, Xml, stream.ToArray(), lastModified);
    }

    /// <summary>A &lt;url&gt; or &lt;sitemap&gt; entry: its address and when it last changed.</summary>
    static void Element(XmlWriter xml, string name, string loc, DateTimeOffset? lastModified)
    {
        xml.WriteStartElement(name, SitemapNs);
        xml.WriteElementString("loc", SitemapNs, loc);
        if (lastModified is { } at) xml.WriteElementString("lastmod", SitemapNs, Presenter.Iso(at));
        xml.WriteEndElement();
    }
}
