using System.Net;
using System.Net.Http.Headers;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

[Collection(ReaderFeedCollection.Name)]
public class StatusCodeTests(ReaderFeedHost host)
{
    [Fact]
    public async Task Old_slugs_redirect_permanently_to_the_current_url_through_a_chain_of_renames()
    {
        var article = Seed.Article(slug: "troops-told-to-avoid-capture");
        await host.PublishAndWaitAsync(Seed.Published(article));
        var second = Seed.SlugChanged(article, 2, "soldiers-told-to-avoid-capture");
        await host.PublishAndWaitAsync(second);
        var third = Seed.SlugChanged(second.Article, 3, "north-korean-soldiers-ordered-to-avoid-capture");
        await host.PublishAndWaitAsync(third);

        foreach (var old in new[] { "troops-told-to-avoid-capture", "soldiers-told-to-avoid-capture" })
        {
            var response = await host.Client.GetAsync($"/news/{old}");
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/news/north-korean-soldiers-ordered-to-avoid-capture", response.Headers.Location!.OriginalString);
        }
        var current = await host.Client.GetAsync("/news/north-korean-soldiers-ordered-to-avoid-capture");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);

        var capitals = await host.Client.GetAsync("/News/North-Korean-Soldiers-Ordered-To-Avoid-Capture");
        Assert.Equal(HttpStatusCode.MovedPermanently, capitals.StatusCode);
        Assert.Equal("/news/north-korean-soldiers-ordered-to-avoid-capture", capitals.Headers.Location!.OriginalString);
        Assert.Equal("/news", (await host.Client.GetAsync("/News")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_unpublished_article_answers_410_with_a_short_notice()
    {
        var article = Seed.Article(headline: "A story that was withdrawn");
        await host.PublishAndWaitAsync(Seed.Published(article));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/news/{article.Slug}")).StatusCode);

        await host.PublishAndWaitAsync(Seed.Unpublished(article, 2, reason: "Internal legal note"));
        var response = await Eventually(() => host.Client.GetAsync($"/news/{article.Slug}"), r => r.StatusCode == HttpStatusCode.Gone);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("This article has been removed", page.Text("h1"));
        Assert.DoesNotContain("A story that was withdrawn", page.DocumentElement.OuterHtml);
        Assert.DoesNotContain("Internal legal note", page.DocumentElement.OuterHtml);
        Assert.Equal("noindex", page.Meta("robots"));

        var api = await host.Client.GetAsync($"/api/feed/articles/{article.ArticleId}");
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Unknown_pages_answer_404_with_a_page()
    {
        foreach (var path in new[] { "/news/no-such-article", "/no-such-section", "/authors/nobody-at-all", "/a/b/c", "/editor" })
        {
            var response = await host.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Page not found", page.Text("h1"));
        }
        var api = await host.Client.GetAsync("/api/nothing/here");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Pages_revalidate_with_304_by_etag_and_by_date()
    {
        var article = Seed.Article();
        await host.PublishAndWaitAsync(Seed.Published(article));
        var first = await host.Client.GetAsync($"/news/{article.Slug}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;
        Assert.Equal("public, max-age=10, stale-while-revalidate=30", first.Headers.CacheControl!.ToString());

        using var byEtag = new HttpRequestMessage(HttpMethod.Get, $"/news/{article.Slug}");
        byEtag.Headers.IfNoneMatch.Add(etag);
        var notModified = await host.Client.SendAsync(byEtag);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var byDate = new HttpRequestMessage(HttpMethod.Get, $"/news/{article.Slug}");
        byDate.Headers.IfModifiedSince = lastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await host.Client.SendAsync(byDate)).StatusCode);

        // A change gives a new ETag, and the old one no longer revalidates.
        await host.PublishAndWaitAsync(Seed.Revised(article with { Headline = "A new headline for revalidation" }, 2));
        await host.WaitForPageAsync($"/news/{article.Slug}", h => h.Contains("A new headline for revalidation"), "the revision");
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/news/{article.Slug}");
        stale.Headers.IfNoneMatch.Add(etag);
        var changed = await host.Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
    }

    [Fact]
    public async Task Feeds_and_the_json_api_revalidate_too()
    {
        foreach (var path in new[] { "/", "/news", "/rss.xml", "/news/rss.xml", "/sitemap.xml", "/sitemap-news.xml", "/api/feed/articles" })
        {
            var first = await host.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.NotNull(first.Headers.ETag);
            Assert.True(first.Headers.CacheControl!.Public, path);
            using var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await host.Client.SendAsync(again)).StatusCode);
        }
    }

    [Fact]
    public async Task Html_pages_carry_a_strict_content_security_policy_and_head_requests_work()
    {
        var response = await host.Client.GetAsync("/");
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.Contains("img-src 'self' data:", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));

        using var head = new HttpRequestMessage(HttpMethod.Head, "/");
        var headResponse = await host.Client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headResponse.StatusCode);
        Assert.Equal(response.Headers.ETag, headResponse.Headers.ETag);
        Assert.Empty(await headResponse.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Static_assets_are_served_with_long_caching_when_versioned()
    {
        var page = Html.Parse(await host.GetStringAsync("/"));
        var css = page.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href")!;
        Assert.StartsWith("/assets/site.css?v=", css);
        var response = await host.Client.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Contains(":focus-visible", await response.Content.ReadAsStringAsync());

        var beacon = await host.Client.GetStringAsync("/assets/beacon.js");
        Assert.Contains("navigator.sendBeacon('/api/trending/views'", beacon);
        Assert.Contains("type: 'application/json'", beacon);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/assets/nothing.js")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_feed_api_and_not_the_pages()
    {
        var document = System.Text.Json.JsonDocument.Parse(await host.GetStringAsync("/openapi/readerfeed.json")).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/feed/articles", paths);
        Assert.Contains("/api/feed/articles/{id}", paths);
        Assert.Contains("/api/feed/search", paths);
        Assert.Contains("/api/feed/rebuild", paths.Select(p => p.TrimEnd('/')));
        Assert.DoesNotContain("/{section}/{slug}", paths);
    }

    static Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> get, Func<HttpResponseMessage, bool> done) =>
        TestKit.Eventually.MatchAsync(get, done, TimeSpan.FromSeconds(15), "the expected response");
}
