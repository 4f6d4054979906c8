using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;
using NewsPlatform.ReaderFeed.Tests.Fixtures;
using NewsPlatform.TestKit;

namespace NewsPlatform.ReaderFeed.Tests.Browser;

/// <summary>
/// A reader in Chromium over real Kestrel: home → section → article → search → article → author,
/// with no console errors, one view beacon per article view, and screenshots kept as artifacts.
/// </summary>
[Collection(ReaderFeedCollection.Name)]
public class ReaderJourneyTests(ReaderFeedHost host)
{
    // Stands in for Media's renditions, which this host does not serve.
    static readonly byte[] Photo = TestImage.Png();

    [Fact]
    public async Task A_reader_moves_through_the_site_and_every_article_view_sends_one_beacon()
    {
        var word = "fjord" + Guid.NewGuid().ToString("N")[..6];
        var photo = Seed.Photo();
        var article = Seed.Article(section: "news", headline: $"Ferry crossing to the {word} resumes", heroMediaId: photo.MediaId,
            publishedAt: host.NextLeadPublishedAt(), authors: ["Camilla Jessen"]);
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        await host.PublishAndWaitAsync(Seed.Published(article));
        await host.PublishAndWaitAsync(Seed.Trending(host.NextTrendingAsOf(), article));
        await host.WaitForPageAsync("/", h => h.Contains(article.Headline), "the article on the home page");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString().TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 900 } });
        var beacons = new ConcurrentQueue<(string Method, string? ContentType, string? Body)>();
        await context.RouteAsync("**/api/trending/views", async route =>
        {
            route.Request.Headers.TryGetValue("content-type", out var contentType);
            beacons.Enqueue((route.Request.Method, contentType, route.Request.PostData));
            await route.FulfillAsync(new RouteFulfillOptions { Status = 202 });
        });
        await context.RouteAsync("**/media/**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "image/png", BodyBytes = Photo }));

        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Enqueue(message.Text); };
        page.PageError += (_, error) => errors.Enqueue(error);

        // Home
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".trending h2")).ToHaveTextAsync("Trending Now");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("home.png"), FullPage = true });

        // → Section
        await page.Locator("nav[aria-label='Sections'] a", new() { HasText = "News" }).ClickAsync();
        await page.WaitForURLAsync("**/news");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("News");

        // → Article: one beacon with the article id, sent as JSON
        await page.Locator(".card-headline a", new() { HasText = article.Headline }).ClickAsync();
        await page.WaitForURLAsync($"**/news/{article.Slug}");
        await Assertions.Expect(page.Locator("article h1")).ToHaveTextAsync(article.Headline);
        await Assertions.Expect(page.Locator(".byline")).ToHaveTextAsync("Written by Camilla Jessen");
        await Assertions.Expect(page.Locator(".dateline time").First).ToContainTextAsync("CET");
        await Assertions.Expect(page.Locator("figure.hero .credit")).ToHaveTextAsync("Photo: Stefan Bruder / Shutterstock.com");
        await WaitForBeacons(beacons, 1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("article.png"), FullPage = true });

        // → Search (no beacon on pages that are not articles)
        await page.FillAsync("#site-search", word);
        await page.PressAsync("#site-search", "Enter");
        await page.WaitForURLAsync($"**/search?q={word}");
        await Assertions.Expect(page.Locator(".search-results mark").First).ToHaveTextAsync(word);
        Assert.Single(beacons);

        // → The article again from the results: a second view, a second beacon
        await page.Locator(".search-results .card-headline a").First.ClickAsync();
        await page.WaitForURLAsync($"**/news/{article.Slug}");
        await WaitForBeacons(beacons, 2);

        // → Author
        await page.Locator(".byline a", new() { HasText = "Camilla Jessen" }).ClickAsync();
        await page.WaitForURLAsync("**/authors/camilla-jessen");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Camilla Jessen");
        await Assertions.Expect(page.Locator(".card-headline a", new() { HasText = article.Headline })).ToBeVisibleAsync();

        Assert.Equal(2, beacons.Count);
        foreach (var beacon in beacons)
        {
            Assert.Equal("POST", beacon.Method);
            Assert.StartsWith("application/json", beacon.ContentType);
            Assert.Equal(article.ArticleId, JsonDocument.Parse(beacon.Body!).RootElement.GetProperty("articleId").GetGuid());
        }
        Assert.True(errors.IsEmpty, "console errors:\n" + string.Join("\n", errors));

        // Keyboard users see where they are: the skip link is the first stop and has a visible focus style.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
        Assert.NotEqual("none", outline);
    }

    static Task WaitForBeacons(ConcurrentQueue<(string, string?, string?)> beacons, int count) =>
        Eventually.MatchAsync(() => Task.FromResult(beacons.Count), n => n >= count, TimeSpan.FromSeconds(10), $"{count} view beacon(s)")
            .ContinueWith(t => { t.GetAwaiter().GetResult(); Assert.Equal(count, beacons.Count); });

    static string Artifact(string name) => Path.Combine(HostFactory.Artifacts, name);
}
