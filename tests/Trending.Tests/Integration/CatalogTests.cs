using System.Net;
using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(TrendingCollection.Name)]
public class CatalogTests(TrendingFixture fixture)
{
    TrendingHost Host => fixture.Host;

    [Fact]
    public async Task A_published_article_is_listed_with_its_headline_url_section_and_views()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-14T12:36:00Z");
        var section = Articles.UniqueSection("News");
        var article = await Host.PublishArticleAsync(section, "North Korean Soldiers Ordered to Commit Suicide to Avoid Capture");

        await Host.ViewManyAsync(article.ArticleId, 3);
        await Host.WaitUntilScoredAsync(3, article.ArticleId);

        var trending = await Host.TrendingAsync(section.ToUpperInvariant());
        var item = Assert.Single(trending.Items);
        Assert.Equal(article.ArticleId, item.ArticleId);
        Assert.Equal("North Korean Soldiers Ordered to Commit Suicide to Avoid Capture", item.Headline);
        Assert.Equal($"/{section.ToLowerInvariant()}/north-korean-soldiers-ordered-to-commit-suicide-to-avoid-capture", item.Url);
        Assert.Equal(section.ToLowerInvariant(), item.Section);
        Assert.Equal(3.0, item.Score, 9); // viewed this very second: nothing has decayed
        Assert.Equal(fixture.Clock.Now, trending.AsOf);
    }

    [Fact]
    public async Task An_older_version_arriving_late_never_overwrites_a_newer_one()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-14T13:00:00Z");
        var section = Articles.UniqueSection("world");
        var article = await Host.PublishArticleAsync(section, "Peace talks begin");
        await Host.PublishAsync(Articles.Revised(article with { Headline = "Peace talks resume in Geneva" }, 3));
        await WaitForHeadlineAsync(article.ArticleId, "Peace talks resume in Geneva");

        var staleRevision = Articles.Revised(article with { Headline = "Peace talks stall" }, 2);
        var staleSlug = Articles.SlugChanged(article with { Slug = "peace-talks-old" }, "peace-talks-begin", 2);
        await Host.PublishAsync(staleRevision);
        await Host.PublishAsync(staleSlug);
        await Host.WaitUntilConsumedAsync<ArticleRevisedConsumer>(staleRevision.EventId);
        await Host.WaitUntilConsumedAsync<ArticleSlugChangedConsumer>(staleSlug.EventId);

        await Host.ViewManyAsync(article.ArticleId, 2);
        await Host.WaitUntilScoredAsync(2, article.ArticleId);
        var item = Assert.Single((await Host.TrendingAsync(section)).Items);
        Assert.Equal("Peace talks resume in Geneva", item.Headline);
        Assert.Equal($"/{section}/peace-talks-begin", item.Url);
    }

    [Fact]
    public async Task A_slug_change_moves_the_url()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-14T13:10:00Z");
        var section = Articles.UniqueSection("politics");
        var article = await Host.PublishArticleAsync(section, "Budget vote tonight");
        await Host.ViewManyAsync(article.ArticleId, 1);
        await Host.WaitUntilScoredAsync(1, article.ArticleId);

        await Host.PublishAsync(Articles.SlugChanged(article with { Slug = "budget-passes" }, article.Slug, 2));

        await Eventually.MatchAsync(async () => (await Host.TrendingAsync(section)).Items.Single().Url,
            url => url == $"/{section}/budget-passes", TimeSpan.FromSeconds(20), "the new URL");
    }

    [Fact]
    public async Task An_unpublished_article_vanishes_at_once_and_stays_gone()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-14T13:20:00Z");
        var section = Articles.UniqueSection("sports");
        var taken = await Host.PublishArticleAsync(section, "Transfer rumour");
        var other = await Host.PublishArticleAsync(section, "Match report");
        await Host.ViewManyAsync(taken.ArticleId, 5);
        await Host.ViewManyAsync(other.ArticleId, 2);
        await Host.WaitUntilScoredAsync(7, taken.ArticleId, other.ArticleId);
        Assert.Equal([taken.ArticleId, other.ArticleId], (await Host.TrendingAsync(section)).Items.Select(i => i.ArticleId));

        await Host.PublishAsync(Articles.Unpublished(taken, 2));

        await Eventually.MatchAsync(async () => (await Host.TrendingAsync(section)).Items.Select(i => i.ArticleId).ToList(),
            ids => ids.SequenceEqual([other.ArticleId]), TimeSpan.FromSeconds(20), "the unpublished article to leave the list");
        Assert.DoesNotContain((await Host.TrendingAsync()).Items, i => i.ArticleId == taken.ArticleId);

        // Its views are no longer counted, and a stale revision arriving late does not bring it back.
        await Host.WaitForStateAsync(taken.ArticleId, ArticleState.NotLive);
        Assert.Equal(HttpStatusCode.Accepted, (await Host.ViewAsync(taken.ArticleId)).StatusCode);
        var stale = Articles.Revised(taken with { Headline = "Transfer rumour, updated" }, 1);
        await Host.PublishAsync(stale);
        await Host.WaitUntilConsumedAsync<ArticleRevisedConsumer>(stale.EventId);
        Assert.Equal(ArticleState.NotLive, Host.Services.GetRequiredService<LiveArticles>().StateOf(taken.ArticleId));
        Assert.DoesNotContain((await Host.TrendingAsync(section)).Items, i => i.ArticleId == taken.ArticleId);
        Assert.Equal(5, await Host.ScoredViewsAsync(taken.ArticleId));
    }

    [Fact]
    public async Task A_redelivered_article_event_changes_nothing()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-14T13:30:00Z");
        var section = Articles.UniqueSection("culture");
        var article = await Host.PublishArticleAsync(section, "Opera season opens");
        var revised = Articles.Revised(article with { Headline = "Opera season opens to acclaim" }, 2);
        var unpublished = Articles.Unpublished(article, 3);

        await Host.PublishAsync(revised);
        await Host.PublishAsync(unpublished);
        await Host.WaitForStateAsync(article.ArticleId, ArticleState.NotLive);
        var skipped = fixture.Duplicates.For<ArticleRevisedConsumer>();
        await Host.PublishAsync(revised); // the broker delivers it again
        await fixture.Duplicates.WaitForAsync<ArticleRevisedConsumer>(skipped + 1);
        var published = Articles.Published(article, 1);
        await Host.PublishAsync(published); // and a stale publish comes round, under a new message id
        await Host.WaitUntilConsumedAsync<ArticlePublishedConsumer>(published.EventId);

        Assert.Equal(1, await fixture.Infrastructure.Database.CountAsync(
            $"select count(*) from trending.articles where article_id = '{article.ArticleId}' and not published and stream_version = 3"));
    }

    async Task WaitForHeadlineAsync(Guid articleId, string headline) =>
        await Eventually.MatchAsync(() => fixture.Infrastructure.Database.CountAsync(
                $"select count(*) from trending.articles where article_id = '{articleId}' and headline = '{headline.Replace("'", "''")}'"),
            n => n == 1, TimeSpan.FromSeconds(20), $"headline '{headline}'");
}
