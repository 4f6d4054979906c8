using System.Text.Json;
using Marten;
using NewsPlatform.Contracts;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Tests.Fixtures;

namespace NewsPlatform.ReaderFeed.Tests.Consumers;

[Collection(ReaderFeedCollection.Name)]
public class ConsumerTests(ReaderFeedHost host)
{
    async Task<string> ViewJson(Guid articleId)
    {
        await using var session = host.Store.QuerySession();
        var view = await session.LoadAsync<ArticleView>(articleId);
        Assert.NotNull(view);
        return JsonSerializer.Serialize(view);
    }

    async Task<long> LoggedEvents(Guid streamId) =>
        await host.Database.CountAsync($"select count(*) from readerfeed.mt_events where stream_id = '{streamId}'");

    [Fact]
    public async Task A_duplicate_delivery_changes_nothing()
    {
        var published = Seed.Published(Seed.Article());
        await host.PublishAndWaitAsync(published);
        var before = await ViewJson(published.Article.ArticleId);

        await host.PublishAsync(published);
        await host.WaitUntilConsumedAsync(published.EventId, times: 2);

        Assert.Equal(before, await ViewJson(published.Article.ArticleId));
        Assert.Equal(1, await LoggedEvents(published.Article.ArticleId));
        Assert.Equal(1, await host.Database.CountAsync(
            $"select count(*) from readerfeed.mt_doc_processedmessage where id like '%{published.EventId:N}'"));
    }

    [Fact]
    public async Task An_older_version_arriving_late_never_overwrites_a_newer_one()
    {
        var article = Seed.Article();
        await host.PublishAndWaitAsync(Seed.Published(article, 1));
        await host.PublishAndWaitAsync(Seed.Revised(article with { Headline = "Version three" }, 3));
        var late = Seed.Revised(article with { Headline = "Version two" }, 2);
        await host.PublishAndWaitAsync(late);

        var page = Html.Parse(await host.GetStringAsync($"/news/{article.Slug}"));
        Assert.Equal("Version three", page.Text("h1"));
        Assert.Equal(3, await LoggedEvents(article.ArticleId)); // the log keeps everything received, in arrival order
    }

    [Fact]
    public async Task Out_of_order_duplicated_and_replayed_histories_give_the_same_read_model()
    {
        // Given one article's history delivered in order
        var inOrder = Seed.Article(slug: "harbour-bath-opens");
        var history = History(inOrder);
        foreach (var e in history) await host.PublishAndWaitAsync(e);

        // And the same history (as another article) delivered backwards, with every message twice
        var shuffled = Seed.Article(id: Guid.NewGuid(), slug: "harbour-bath-opens-again");
        var reversed = Enumerable.Reverse(History(shuffled)).ToList();
        foreach (var e in reversed) await host.PublishAndWaitAsync(e);
        foreach (var e in reversed) await host.PublishAsync(e);
        foreach (var e in reversed) await host.WaitUntilConsumedAsync(e.EventId, times: 2);

        // Then both read models agree on everything but identity
        var a = await Normalised(inOrder.ArticleId);
        var b = await Normalised(shuffled.ArticleId);
        Assert.Equal(a.Replace("harbour-bath-opens", "SLUG"), b.Replace("harbour-bath-opens-again", "SLUG"));

        // When the whole history is replayed under new message ids (a re-sent backlog)
        var snapshot = await ViewJson(inOrder.ArticleId);
        foreach (var e in history) await host.PublishAndWaitAsync(e, messageId: Guid.NewGuid());

        // Then nothing changes but the length of the log
        Assert.Equal(snapshot, await ViewJson(inOrder.ArticleId));
        Assert.Equal(2 * history.Count, await LoggedEvents(inOrder.ArticleId));
    }

    [Fact]
    public async Task Media_arriving_before_or_after_the_article_ends_the_same()
    {
        var photoFirst = Seed.Photo();
        var articleA = Seed.Article(heroMediaId: photoFirst.MediaId);
        await host.PublishAndWaitAsync(Seed.MediaReady(photoFirst));
        await host.PublishAndWaitAsync(Seed.Published(articleA));

        var photoLater = Seed.Photo();
        var articleB = Seed.Article(heroMediaId: photoLater.MediaId);
        await host.PublishAndWaitAsync(Seed.Published(articleB));
        await host.PublishAndWaitAsync(Seed.MediaReady(photoLater));

        foreach (var (article, photo) in new[] { (articleA, photoFirst), (articleB, photoLater) })
        {
            var page = Html.Parse(await host.WaitForPageAsync($"/news/{article.Slug}", h => h.Contains(photo.MediaId.ToString()), "the photo"));
            Assert.Equal($"/media/{photo.MediaId}/1024.jpg", page.QuerySelector("figure.hero img")!.GetAttribute("src"));
        }
    }

    static List<IStreamIntegrationEvent> History(Contracts.Articles.PublicArticle article)
    {
        var published = Seed.Published(article, 1);
        var revised = Seed.Revised(article with { Standfirst = "A clearer standfirst." }, 2, significant: true);
        var renamed = Seed.SlugChanged(revised.Article, 3, article.Slug + "-in-copenhagen");
        var corrected = Seed.Corrected(renamed.Article, 4, "The bath opens at 7, not 8.", Seed.PublishedAt.AddDays(1));
        return [published, revised, renamed, corrected];
    }

    async Task<string> Normalised(Guid id)
    {
        var json = await ViewJson(id);
        var otherIds = JsonSerializer.Deserialize<ArticleView>(json)!;
        return json.Replace(id.ToString(), "ID").Replace(otherIds.ContentEventId.ToString(), "EVENT");
    }
}
