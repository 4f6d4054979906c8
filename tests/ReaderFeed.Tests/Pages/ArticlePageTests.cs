using System.Net;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

[Collection(ReaderFeedCollection.Name)]
public class ArticlePageTests(ReaderFeedHost host)
{
    [Fact]
    public async Task The_article_page_shows_what_the_seed_article_shows()
    {
        var photo = Seed.Photo();
        var article = Seed.Article(heroMediaId: photo.MediaId);
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        await host.PublishAndWaitAsync(Seed.Published(article));

        var response = await host.Client.GetAsync($"/news/{article.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        await File.WriteAllTextAsync(Path.Combine(HostFactory.Artifacts, "article.html"), html);
        var page = Html.Parse(html);

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("News", page.Text("article .kicker"));
        Assert.Equal(Seed.Headline, page.Text("article h1"));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("Written by Camilla Jessen", page.Text(".byline"));
        Assert.Equal("/authors/camilla-jessen", page.QuerySelector(".byline a")!.GetAttribute("href"));
        var time = page.QuerySelector(".dateline time")!;
        Assert.Equal("14 January 2025 1:36 PM CET", time.TextContent);
        Assert.Equal("2025-01-14T12:36:00Z", time.GetAttribute("datetime"));
        Assert.Equal(Seed.Standfirst, page.Text(".standfirst"));

        // Hero photo: srcset and sizes, alt text, caption, and the credit exactly once.
        var img = page.QuerySelector("figure.hero img")!;
        Assert.Equal("Soldiers walking along a snowy road", img.GetAttribute("alt"));
        Assert.Contains("640w", img.GetAttribute("srcset"));
        Assert.Contains("1024w", img.GetAttribute("srcset"));
        Assert.False(string.IsNullOrEmpty(img.GetAttribute("sizes")));
        Assert.Contains("image/webp", page.QuerySelector("figure.hero source")!.GetAttribute("type"));
        Assert.Equal("Soldiers in the Kursk region.", page.Text("figure.hero .caption"));
        Assert.Single(page.Body!.TextContent.Split("Photo: Stefan Bruder / Shutterstock.com").Skip(1));

        // Body with its sub-headings and quote, headings in order under the headline.
        Assert.Equal(["First North Korean Soldiers Captured", "Putin’s Growing Dependence on North Korea"],
            page.QuerySelectorAll(".article-body h2").Select(h => h.TextContent));
        Assert.Contains("execute their own wounded", page.Text(".article-body blockquote"));
        var levels = page.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => int.Parse(h.LocalName[1..])).ToList();
        Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"heading levels jump: {string.Join(",", levels)}"));

        // Landmarks and the view beacon.
        Assert.NotNull(page.QuerySelector("header.masthead"));
        Assert.NotNull(page.QuerySelector("nav[aria-label='Sections']"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.NotNull(page.QuerySelector("footer"));
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.Equal(article.ArticleId.ToString(), page.QuerySelector("article")!.GetAttribute("data-article-id"));
        var beacon = page.QuerySelector("script[src^='/assets/beacon.js']")!;
        Assert.True(beacon.HasAttribute("defer"));
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        Assert.Empty(page.QuerySelectorAll("[style], style"));
    }

    [Fact]
    public async Task Structured_data_social_tags_and_canonical_link_describe_the_article()
    {
        var photo = Seed.Photo();
        var article = Seed.Article(heroMediaId: photo.MediaId, authors: ["Camilla Jessen", "Lars Bo"]);
        await host.PublishAndWaitAsync(Seed.Published(article));
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        var correctedAt = Seed.PublishedAt.AddDays(1);
        await host.PublishAndWaitAsync(Seed.Corrected(article, 2, "An earlier version misstated the date.", correctedAt));

        var page = Html.Parse(await host.WaitForPageAsync($"/news/{article.Slug}", h => h.Contains("misstated the date"), "the correction"));
        var canonical = $"{ReaderFeedHost.SiteUrl}/news/{article.Slug}";
        Assert.Equal(canonical, page.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));

        var ld = page.JsonLd();
        Assert.Equal("NewsArticle", ld.GetProperty("@type").GetString());
        Assert.Equal(Seed.Headline, ld.GetProperty("headline").GetString());
        Assert.Equal("2025-01-14T12:36:00Z", ld.GetProperty("datePublished").GetString());
        Assert.Equal("2025-01-15T12:36:00Z", ld.GetProperty("dateModified").GetString());
        Assert.Equal(["Camilla Jessen", "Lars Bo"], ld.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.All(ld.GetProperty("author").EnumerateArray(), a => Assert.Equal("Person", a.GetProperty("@type").GetString()));
        Assert.Equal("The Copenhagen Post", ld.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal($"{ReaderFeedHost.SiteUrl}/media/{photo.MediaId}/1024.jpg", ld.GetProperty("image")[0].GetString());
        Assert.Equal(canonical, ld.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());

        Assert.Equal("article", page.Meta("og:type"));
        Assert.Equal(Seed.Headline, page.Meta("og:title"));
        Assert.Equal(canonical, page.Meta("og:url"));
        Assert.Equal($"{ReaderFeedHost.SiteUrl}/media/{photo.MediaId}/1024.jpg", page.Meta("og:image"));
        Assert.Equal("summary_large_image", page.Meta("twitter:card"));
        Assert.Equal(Seed.Headline, page.Meta("twitter:title"));

        Assert.Equal("Correction", page.Text(".corrections h2"));
        Assert.Contains("An earlier version misstated the date.", page.Text(".corrections li"));
        Assert.Equal("Updated 15 January 2025 1:36 PM CET", page.Text(".dateline .updated"));
    }

    [Fact]
    public async Task A_credit_only_photo_shows_its_credit_and_no_broken_image()
    {
        var credit = Seed.CreditOnly(credit: "Photo: Stefan Bruder / Shutterstock.com");
        var article = Seed.Article(heroMediaId: credit.MediaId);
        await host.PublishAndWaitAsync(Seed.Published(article));
        await host.PublishAndWaitAsync(Seed.MediaReady(credit));

        var page = Html.Parse(await host.WaitForPageAsync($"/news/{article.Slug}", h => h.Contains("Shutterstock"), "the credit"));
        Assert.Empty(page.QuerySelectorAll("figure img, figure source"));
        Assert.Equal("Photo: Stefan Bruder / Shutterstock.com", page.Text("figure .credit"));
        Assert.Single(page.Body!.TextContent.Split("Photo: Stefan Bruder").Skip(1));
        Assert.Equal("summary", page.Meta("twitter:card"));
        Assert.False(page.JsonLd().TryGetProperty("image", out _));
    }

    [Fact]
    public async Task A_photo_arriving_after_the_article_appears_on_its_page()
    {
        var photo = Seed.Photo(alt: "A late photo");
        var article = Seed.Article(heroMediaId: photo.MediaId);
        await host.PublishAndWaitAsync(Seed.Published(article));
        var before = Html.Parse(await host.GetStringAsync($"/news/{article.Slug}"));
        Assert.Null(before.QuerySelector("figure"));

        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        var after = Html.Parse(await host.WaitForPageAsync($"/news/{article.Slug}", h => h.Contains("A late photo"), "the photo"));
        Assert.Equal("A late photo", after.QuerySelector("figure.hero img")!.GetAttribute("alt"));

        await host.PublishAndWaitAsync(Seed.MediaRetired(photo.MediaId, 2));
        var retired = Html.Parse(await host.WaitForPageAsync($"/news/{article.Slug}", h => !h.Contains("A late photo"), "the photo to go"));
        Assert.Null(retired.QuerySelector("figure"));
    }

    [Fact]
    public async Task Summer_times_are_shown_as_CEST()
    {
        var article = Seed.Article(publishedAt: DateTimeOffset.Parse("2025-07-01T10:00:00Z"));
        await host.PublishAndWaitAsync(Seed.Published(article));
        var page = Html.Parse(await host.GetStringAsync($"/news/{article.Slug}"));
        Assert.Equal("1 July 2025 12:00 PM CEST", page.Text(".dateline time"));
    }
}
