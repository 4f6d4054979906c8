using System.Text.Json;
using NewsPlatform.ReaderFeed.Tests.Fixtures;
using NewsPlatform.Rendering;
using NewsPlatform.TestKit;

namespace NewsPlatform.ReaderFeed.Tests.Pages;

/// <summary>
/// The site shows every body as the shared <see cref="ArticleBody"/> renders it — the renderer the editor's preview
/// uses too — on the article page and in the JSON API, and nothing hostile survives on either.
/// </summary>
[Collection(ReaderFeedCollection.Name)]
public class ArticleBodyTests(ReaderFeedHost host)
{
    [Fact]
    public async Task Every_body_of_the_corpus_reaches_readers_as_the_shared_renderer_makes_it()
    {
        var renderer = new ArticleBody();
        var bodies = MarkdownCorpus.All.ToList();
        var articles = bodies.Select(b => Seed.Article(section: "culture", headline: $"Corpus: {b.Name}", body: b.Markdown)).ToList();
        var events = articles.Select(a => Seed.Published(a)).ToList();
        foreach (var e in events) await host.PublishAsync(e);
        foreach (var e in events) await host.WaitUntilAppliedAsync(e, e.EventId);

        for (var i = 0; i < bodies.Count; i++)
        {
            var (name, markdown) = bodies[i];
            var expected = renderer.ToHtml(markdown);

            var json = JsonDocument.Parse(await host.GetStringAsync($"/api/feed/articles/{articles[i].ArticleId}")).RootElement;
            var apiHtml = json.GetProperty("bodyHtml").GetString();
            Assert.True(expected == apiHtml, $"{name}: the API's body differs\nexpected: {expected}\nactual:   {apiHtml}");

            var page = Html.Parse(await host.GetStringAsync($"/culture/{articles[i].Slug}"));
            var pageHtml = page.QuerySelector(".article-body")!.InnerHtml.Trim();
            var expectedAsParsed = Html.Parse("<body>" + expected + "</body>").Body!.InnerHtml.Trim();
            Assert.True(expectedAsParsed == pageHtml, $"{name}: the page's body differs\nexpected: {expectedAsParsed}\nactual:   {pageHtml}");

            var survivors = MarkdownCorpus.Survivors(apiHtml!);
            Assert.True(survivors.Count == 0, $"{name}: {string.Join("; ", survivors)}");
        }
    }
}
