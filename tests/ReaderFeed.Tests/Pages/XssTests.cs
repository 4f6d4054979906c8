using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.ReaderFeed.Newsroom;
using NewsPlatform.ReaderFeed.Tests.Fixtures;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

/// <summary>
/// Hostile text in every field an editor or photographer controls must reach readers as text, never as
/// markup a browser would run, on every page and feed.
/// </summary>
[Collection(ReaderFeedCollection.Name)]
public class XssTests(ReaderFeedHost host)
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "</script><script>alert(1)</script>",
        "</title><svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "javascript:alert(1)",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<body onload=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<style>*{background:url(javascript:alert(1))}</style>",
        "<!--<script>alert(1)</script>-->",
        "]]><script>alert(1)</script><![CDATA[",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "\u2028\u2029</script><script>alert(1)</script>",
        "<img src=\"x` `<script>alert(1)</script>\"` `>",
        "<details open ontoggle=alert(1)>",
        "{{constructor.constructor('alert(1)')()}}",
    ];

    const string MarkdownAttacks = """

        [click me](javascript:alert(1)) and ![img](javascript:alert(1)) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        <a href="jAvAsCrIpT:alert(1)">mixed case</a> <form action="javascript:alert(1)"><button>go</button></form>
        """;

    [Fact]
    public async Task Hostile_text_in_every_field_never_becomes_executable_markup_anywhere()
    {
        var marker = "xssprobe" + Guid.NewGuid().ToString("N")[..6];
        var articles = new List<Contracts.Articles.PublicArticle>();
        var sent = new List<Contracts.IIntegrationEvent>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var photo = Seed.Photo(credit: payload, caption: payload, alt: payload);
            var article = Seed.Article(section: "opinion", headline: $"{marker} {i} {payload}", standfirst: payload,
                body: $"{marker} {payload}\n\n{payload}{MarkdownAttacks}", authors: [$"Eve {i} {payload}"], heroMediaId: photo.MediaId);
            sent.Add(Seed.MediaReady(photo));
            sent.Add(Seed.Published(article));
            articles.Add(article);
        }
        var trending = new TrendingChangedV1(Guid.NewGuid(), DateTimeOffset.UtcNow, host.NextTrendingAsOf(), null,
        [
            new TrendingItem(articles[0].ArticleId, Payloads[0], "javascript:alert(1)", "opinion", 9),
            new TrendingItem(Guid.NewGuid(), Payloads[2], "javascript:alert(1)", "opinion", 8),
            new TrendingItem(Guid.NewGuid(), Payloads[4], "//evil.example/x", "opinion", 7),
            new TrendingItem(Guid.NewGuid(), Payloads[1], "/opinion/unknown-yet", "opinion", 6),
        ]);
        await host.PublishAndWaitAsync(trending);
        foreach (var e in sent) await host.PublishAsync(e);
        foreach (var e in sent) await host.WaitUntilAppliedAsync(e, e.EventId);

        var pages = new List<string> { "/", "/opinion", $"/search?q={marker}", $"/search?q={Uri.EscapeDataString(Payloads[0])}" };
        for (var i = 0; i < articles.Count; i++)
        {
            pages.Add($"/opinion/{articles[i].Slug}");
            pages.Add($"/authors/{UrlSlug.From($"Eve {i} {Payloads[i]}")}");
        }

        foreach (var path in pages)
        {
            var response = await host.Client.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var document = Html.Parse(html);
            var executable = Html.ExecutableMarkup(document);
            Assert.True(executable.Count == 0, $"{path} has executable markup:\n{string.Join("\n", executable)}");
            foreach (var jsonLd in document.QuerySelectorAll("script[type='application/ld+json']"))
            {
                Assert.DoesNotContain("<", jsonLd.TextContent);
                using var _ = JsonDocument.Parse(jsonLd.TextContent);
            }
        }

        // The text is shown as text: headline, credit, caption and author come through unchanged.
        for (var i = 0; i < articles.Count; i++)
        {
            var page = Html.Parse(await host.GetStringAsync($"/opinion/{articles[i].Slug}"));
            Assert.Equal(articles[i].Headline, page.QuerySelector("h1")!.TextContent);
            Assert.Equal(Payloads[i].Trim(), page.QuerySelector("figure .caption")!.TextContent.Trim());
            Assert.Equal("Photo: " + Payloads[i].Trim(), page.QuerySelector("figure .credit")!.TextContent.Trim());
            Assert.Equal(Payloads[i], page.QuerySelector("figure img")!.GetAttribute("alt"));
            Assert.Equal($"Eve {i} {Payloads[i]}", page.QuerySelector(".byline a")!.TextContent);
            Assert.Equal(articles[i].Headline, page.JsonLd().GetProperty("headline").GetString());
        }

        // Feeds: well-formed XML that carries the text as text, and JSON with only sanitised HTML.
        foreach (var path in new[] { "/rss.xml", "/opinion/rss.xml", "/sitemap.xml", "/sitemap-news.xml" })
        {
            var xml = XDocument.Parse(await host.GetStringAsync(path));
            Assert.DoesNotContain(xml.Descendants(), e => e.Name.LocalName is "script" or "iframe" or "svg" or "img");
        }
        var rss = XDocument.Parse(await host.GetStringAsync("/opinion/rss.xml"));
        var titles = rss.Descendants("item").Select(i => (string)i.Element("title")!).ToList();
        foreach (var article in articles) Assert.Contains(article.Headline, titles);

        foreach (var article in articles)
        {
            var json = JsonDocument.Parse(await host.GetStringAsync($"/api/feed/articles/{article.ArticleId}")).RootElement;
            Assert.Equal(article.Headline, json.GetProperty("headline").GetString());
            var body = Html.Parse("<body>" + json.GetProperty("bodyHtml").GetString() + "</body>");
            Assert.Empty(Html.ExecutableMarkup(body));
            Assert.Empty(body.QuerySelectorAll("form, button, img, svg, math, style"));
        }
        var search = JsonDocument.Parse(await host.GetStringAsync($"/api/feed/search?q={marker}")).RootElement;
        foreach (var item in search.GetProperty("items").EnumerateArray())
        {
            var snippet = Html.Parse("<body>" + item.GetProperty("snippet").GetString() + item.GetProperty("headlineHtml").GetString() + "</body>");
            Assert.All(snippet.Body!.QuerySelectorAll("*"), e => Assert.Equal("mark", e.LocalName));
        }
    }

    [Fact]
    public async Task Unsafe_trending_links_are_never_rendered()
    {
        var page = Html.Parse(await host.GetStringAsync("/"));
        Assert.All(page.QuerySelectorAll(".trending a"), a =>
        {
            var href = a.GetAttribute("href")!;
            Assert.StartsWith("/", href);
            Assert.False(href.StartsWith("//"), href);
        });
    }
}
