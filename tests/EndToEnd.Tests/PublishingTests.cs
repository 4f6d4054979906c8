using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsPlatform.TestKit;

namespace NewsPlatform.EndToEnd.Tests;

/// <summary>An editor's work reaches readers through the gateway, and its URLs stay honest.</summary>
[Collection(StackCollection.Name)]
public sealed class PublishingTests(Stack stack)
{
    [Fact]
    public async Task A_published_article_appears_its_old_slug_redirects_and_unpublishing_answers_gone()
    {
        using var editor = await stack.SignedInClientAsync();
        using var reader = stack.ReaderWithoutRedirects();
        var headline = $"Harbour bridge reopens {Guid.NewGuid():N}"[..40];

        var created = await editor.PostAsJsonAsync("/api/authoring/articles", new
        {
            headline,
            standfirst = "Traffic flows again after three weeks of repairs.",
            body = "The bridge reopened at dawn.\n\n## What changed\n\nNew cables were fitted.",
            section = "news",
            authors = new[] { "Søren Kierkegaard" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var version = await StepAsync(editor, id, "publish", created.Headers.ETag!, new { });

        var published = JsonNode.Parse(await editor.GetStringAsync($"/api/authoring/articles/{id}"))!;
        var url = (string)published["url"]!;
        Assert.StartsWith("/news/", url);
        var page = await Eventually.MatchAsync(() => reader.GetAsync(url), r => r.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), "the article page");
        var text = Pages.Text(Pages.Parse(await page.Content.ReadAsStringAsync()).Body!);
        Assert.Contains(headline, text);
        Assert.Contains("Søren Kierkegaard", text);

        var renamed = new HttpRequestMessage(HttpMethod.Put, $"/api/authoring/articles/{id}")
        {
            Content = JsonContent.Create(new { slug = "harbour-bridge-reopens-" + id[..8] }),
        };
        renamed.Headers.IfMatch.Add(version);
        var rename = await editor.SendAsync(renamed);
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var newUrl = (string)JsonNode.Parse(await rename.Content.ReadAsStringAsync())!["url"]!;
        Assert.NotEqual(url, newUrl);

        var redirect = await Eventually.MatchAsync(() => reader.GetAsync(url + "?after-rename"),
            r => r.StatusCode == HttpStatusCode.MovedPermanently, TimeSpan.FromSeconds(30), "a 301 from the old slug");
        Assert.EndsWith(newUrl, redirect.Headers.Location!.OriginalString);

        await StepAsync(editor, id, "unpublish", rename.Headers.ETag!, new { reason = "Legal hold." });
        await Eventually.MatchAsync(() => reader.GetAsync(newUrl + "?after-unpublish"),
            r => r.StatusCode == HttpStatusCode.Gone, TimeSpan.FromSeconds(30), "410 Gone after unpublishing");
    }

    [Fact]
    public async Task A_revision_shows_through_the_gateway_cache_at_once()
    {
        using var editor = await stack.SignedInClientAsync();
        using var reader = stack.ReaderWithoutRedirects();
        var headline = $"Ferry strike ends {Guid.NewGuid():N}"[..36];
        var created = await editor.PostAsJsonAsync("/api/authoring/articles", new
        {
            headline,
            standfirst = "Crossings resume on Monday.",
            body = "The unions accepted the offer.",
            section = "news",
            authors = new[] { "Karen Blixen" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        var version = await StepAsync(editor, id, "publish", created.Headers.ETag!, new { });
        var url = (string)JsonNode.Parse(await editor.GetStringAsync($"/api/authoring/articles/{id}"))!["url"]!;
        await Eventually.MatchAsync(() => reader.GetAsync(url), r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "the article page");

        // The gateway keeps this page for ten minutes (Stack): it is served from the cache from now on.
        using var cached = await reader.GetAsync(url);
        Assert.NotNull(cached.Headers.Age);
        Assert.Contains(headline, await cached.Content.ReadAsStringAsync());

        var revised = $"Ferry strike ends, crossings resume {Guid.NewGuid():N}"[..50];
        var revise = new HttpRequestMessage(HttpMethod.Put, $"/api/authoring/articles/{id}") { Content = JsonContent.Create(new { headline = revised }) };
        revise.Headers.IfMatch.Add(version);
        Assert.Equal(HttpStatusCode.OK, (await editor.SendAsync(revise)).StatusCode);

        // The same URL, no cache-busting: only a purge can make the revision visible before the cache expires.
        var page = await Eventually.MatchAsync(async () => await (await reader.GetAsync(url)).Content.ReadAsStringAsync(),
            html => html.Contains(revised), TimeSpan.FromSeconds(30), "the revised headline through the gateway");
        Assert.DoesNotContain($">{headline}<", page);
    }

    static async Task<EntityTagHeaderValue> StepAsync(HttpClient editor, string id, string step, EntityTagHeaderValue version, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/authoring/articles/{id}/{step}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(version);
        var response = await editor.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!;
    }
}
