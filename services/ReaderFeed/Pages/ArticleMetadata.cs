using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Media;

namespace NewsPlatform.ReaderFeed.Pages;

/// <summary>Machine-readable descriptions of an article page: JSON-LD NewsArticle, OpenGraph and Twitter card.</summary>
public static class ArticleMetadata
{
    // The default encoder escapes < > & ' and non-ASCII, so the JSON cannot end its script element early.
    static readonly JsonSerializerOptions JsonLdOptions = new() { Encoder = JavaScriptEncoder.Default };

    public static string JsonLd(Presenter presenter, ArticleView view, HeroImage? hero)
    {
        var a = view.Article!;
        var canonical = presenter.Absolute(view.Path);
        var node = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = canonical },
            ["url"] = canonical,
            ["headline"] = a.Headline,
            ["description"] = a.Standfirst,
            ["articleSection"] = presenter.Sections.NameOf(view.Section),
            ["inLanguage"] = presenter.Site.Language,
            ["datePublished"] = Presenter.Iso(a.PublishedAt),
            ["dateModified"] = Presenter.Iso(view.UpdatedAt ?? a.PublishedAt),
            ["author"] = new JsonArray(presenter.Authors(a.Authors).Select(author => (JsonNode)new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = author.Name,
                ["url"] = presenter.Absolute(author.Url),
            }).ToArray()),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "NewsMediaOrganization",
                ["name"] = presenter.Site.SiteName,
                ["url"] = presenter.Site.SiteUrl + "/",
            },
            ["isAccessibleForFree"] = true,
        };
        if (hero is { HasImage: true })
            node["image"] = new JsonArray(hero.Urls.Select(u => (JsonNode)JsonValue.Create(AbsoluteUrl(presenter, u))!).ToArray());
        return node.ToJsonString(JsonLdOptions);
    }

    public static IReadOnlyList<MetaTag> Social(Presenter presenter, ArticleView view, HeroImage? hero)
    {
        var a = view.Article!;
        var tags = new List<MetaTag>
        {
            new("property", "og:type", "article"),
            new("property", "og:site_name", presenter.Site.SiteName),
            new("property", "og:title", a.Headline),
            new("property", "og:description", a.Standfirst),
            new("property", "og:url", presenter.Absolute(view.Path)),
            new("property", "article:published_time", Presenter.Iso(a.PublishedAt)),
            new("property", "article:modified_time", Presenter.Iso(view.UpdatedAt ?? a.PublishedAt)),
            new("property", "article:section", presenter.Sections.NameOf(view.Section)),
        };
        tags.AddRange(presenter.Authors(a.Authors).Select(author => new MetaTag("property", "article:author", presenter.Absolute(author.Url))));
        tags.Add(new("name", "twitter:card", hero is { HasImage: true } ? "summary_large_image" : "summary"));
        tags.Add(new("name", "twitter:title", a.Headline));
        tags.Add(new("name", "twitter:description", a.Standfirst));
        if (hero is { HasImage: true, Src: { } src })
        {
            var image = AbsoluteUrl(presenter, src);
            tags.Add(new("property", "og:image", image));
            if (hero.Width is { } w) tags.Add(new("property", "og:image:width", w.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (hero.Height is { } h) tags.Add(new("property", "og:image:height", h.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (hero.Alt.Length > 0) tags.Add(new("property", "og:image:alt", hero.Alt));
            tags.Add(new("name", "twitter:image", image));
            if (hero.Alt.Length > 0) tags.Add(new("name", "twitter:image:alt", hero.Alt));
        }
        return tags;
    }

    static string AbsoluteUrl(Presenter presenter, string url) => url.StartsWith('/') ? presenter.Absolute(url) : url;
}
