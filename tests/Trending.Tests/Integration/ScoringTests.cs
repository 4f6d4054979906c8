using MassTransit;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Scoring;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(TrendingCollection.Name)]
public class ScoringTests(TrendingFixture fixture)
{
    static readonly TimeSpan HalfLife = TimeSpan.FromHours(1);
    TrendingHost Host => fixture.Host;

    [Fact]
    public async Task PostgreSQL_keeps_the_same_decayed_score_as_the_formula_even_for_a_late_batch()
    {
        var t0 = DateTimeOffset.Parse("2025-01-16T08:00:00Z");
        fixture.Clock.Now = t0;
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("business"), "Rates held");

        await Host.ViewManyAsync(article.ArticleId, 5);
        fixture.Clock.Now = t0.AddMinutes(30);
        await Host.ViewManyAsync(article.ArticleId, 3);
        fixture.Clock.Now = t0.AddHours(2);
        await Host.ViewManyAsync(article.ArticleId, 2);
        await Host.WaitUntilScoredAsync(10, article.ArticleId);
        // Another node's batch from an hour earlier arrives after the newer ones were applied.
        var late = new ViewBatch(Guid.NewGuid(), "another-node", t0.AddHours(1), [new ArticleViews(article.ArticleId, t0.AddHours(1), 4)]);
        await Host.Bus.Publish(late, c => c.MessageId = late.BatchId);
        await Host.WaitUntilScoredAsync(14, article.ArticleId);

        var expected = new[] { (5, t0), (3, t0.AddMinutes(30)), (2, t0.AddHours(2)), (4, t0.AddHours(1)) }
            .Aggregate(DecayedScore.Zero, (s, v) => ScoreMath.Add(s, v.Item1, v.Item2, HalfLife));
        var stored = (await Host.StoredScoreAsync(article.ArticleId))!.Value;
        Assert.Equal(t0.AddHours(2), stored.ScoredAt);
        Assert.Equal(expected.Value, stored.Score, 9);
        Assert.Equal(14, stored.Views);

        fixture.Clock.Now = t0.AddHours(3);
        var item = Assert.Single((await Host.TrendingAsync(article.Section)).Items);
        Assert.Equal(ScoreMath.ValueAt(expected, t0.AddHours(3), HalfLife), item.Score, 9);
        Assert.Equal(expected.Value / 2, item.Score, 9);
    }

    [Fact]
    public async Task A_batch_delivered_twice_counts_once()
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-16T10:00:00Z");
        var article = await Host.PublishArticleAsync(Articles.UniqueSection("business"), "Merger announced");
        var batch = new ViewBatch(Guid.NewGuid(), "some-node", fixture.Clock.Now, [new ArticleViews(article.ArticleId, fixture.Clock.Now, 7)]);
        var skipped = fixture.Duplicates.For<ViewBatchConsumer>();

        await Host.Bus.Publish(batch, c => c.MessageId = batch.BatchId);
        await Host.Bus.Publish(batch, c => c.MessageId = batch.BatchId);

        await fixture.Duplicates.WaitForAsync<ViewBatchConsumer>(skipped + 1);
        await Host.WaitUntilScoredAsync(7, article.ArticleId);
        Assert.Equal(7, await Host.ScoredViewsAsync(article.ArticleId));
        Assert.Equal(7, (await Host.StoredScoreAsync(article.ArticleId))!.Value.Score, 9);
    }

    [Fact]
    public async Task A_tenfold_spike_puts_a_quiet_article_in_the_top_ten()
    {
        var t0 = DateTimeOffset.Parse("2025-01-17T08:00:00Z");
        fixture.Clock.Now = t0;
        var section = Articles.UniqueSection("news");
        var articles = new List<Guid>();
        for (var i = 0; i < 20; i++) articles.Add((await Host.PublishArticleAsync(section, $"Story {i}")).ArticleId);
        var quiet = articles[^1];
        int BaselineRate(int i) => 20 - i; // views per minute: 20, 19, ... 1 for the quiet one
        var average = articles.Select((_, i) => BaselineRate(i)).Average();
        long posted = 0;

        async Task MinuteAsync(int minute, Func<int, int> rate)
        {
            fixture.Clock.Now = t0.AddMinutes(minute).AddSeconds(30);
            for (var i = 0; i < articles.Count; i++) await Host.ViewManyAsync(articles[i], rate(i));
            posted += articles.Select((_, i) => rate(i)).Sum();
        }

        for (var minute = 0; minute < 10; minute++) await MinuteAsync(minute, BaselineRate);
        await Host.WaitUntilScoredAsync(posted, articles.ToArray());
        var before = (await Host.TrendingAsync(section)).Items.Select(i => i.ArticleId).ToList();
        Assert.Equal(articles.Take(10), before);

        for (var minute = 10; minute < 12; minute++)
            await MinuteAsync(minute, i => articles[i] == quiet ? (int)(10 * average) : BaselineRate(i));
        await Host.WaitUntilScoredAsync(posted, articles.ToArray());

        var after = (await Host.TrendingAsync(section)).Items.Select(i => i.ArticleId).ToList();
        Assert.Contains(quiet, after);
        Assert.Equal(10, after.Count);
    }
}
