using System.Collections.Concurrent;
using Microsoft.Playwright;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Browser;

/// <summary>A reader searching in Chromium: the one search box, results, the next page, and a spelling suggestion.</summary>
[Collection(ReaderFeedCollection.Name)]
public class SearchPageTests(ReaderFeedHost host)
{
    [Fact]
    public async Task A_reader_searches_pages_through_results_and_follows_a_spelling_suggestion()
    {
        var suffix = new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5).ToArray());
        var word = "meridian" + suffix;
        var misspelt = "meridin" + suffix;
        for (var i = 0; i < 25; i++)
            await host.PublishAndWaitAsync(Seed.Published(Seed.Article(section: "world", headline: $"Shipping lanes report {i}",
                body: $"The {word} line was crossed {i} times.", publishedAt: DateTimeOffset.UtcNow.AddMinutes(-i))));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.Address.ToString().TrimEnd('/') });
        var page = await context.NewPageAsync();
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Enqueue(message.Text); };

        await page.GotoAsync("/search");
        await Assertions.Expect(page.Locator("input[type=search]")).ToHaveCountAsync(1);
        await page.GetByLabel("Search articles").FillAsync(word);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync($"**/search?q={word}");
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync($"25 results for “{word}”");
        await Assertions.Expect(page.Locator(".search-results article")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator(".search-results .snippet mark").First).ToHaveTextAsync(word);
        await page.ScreenshotAsync(new() { Path = Path.Combine(HostFactory.Artifacts, "search-page-1.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Next" }).ClickAsync();
        await page.WaitForURLAsync("**/search?q=*&page=2&asof=*");
        await Assertions.Expect(page.Locator(".search-results article")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator(".search-pager [aria-current=page]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Previous" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Next" })).ToHaveCountAsync(0);

        await page.GetByLabel("Search articles").FillAsync(misspelt);
        await page.GetByLabel("Search articles").PressAsync("Enter");
        await page.WaitForURLAsync($"**/search?q={misspelt}");
        await Assertions.Expect(page.Locator(".result-count")).ToHaveTextAsync($"0 results for “{misspelt}”");
        await Assertions.Expect(page.Locator(".did-you-mean a")).ToHaveTextAsync(word);
        await page.Locator(".did-you-mean a").ClickAsync();
        await page.WaitForURLAsync($"**/search?q={word}");
        await Assertions.Expect(page.Locator(".search-results article")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator(".did-you-mean")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(HostFactory.Artifacts, "search-suggestion.png"), FullPage = true });

        Assert.Empty(errors);
    }
}
