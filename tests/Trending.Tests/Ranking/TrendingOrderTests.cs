using NewsPlatform.Trending.Ranking;

namespace NewsPlatform.Trending.Tests.Ranking;

public class TrendingOrderTests
{
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:36:00Z");

    [Fact]
    public void Higher_scores_come_first()
    {
        var low = new RankedArticle(Guid.NewGuid(), 2, T0, T0);
        var high = new RankedArticle(Guid.NewGuid(), 7.5, T0.AddMinutes(-50), T0.AddDays(-3));

        Assert.Equal([high, low], TrendingOrder.Top([low, high], 10));
    }

    [Fact]
    public void Equal_scores_go_to_the_more_recently_viewed_article()
    {
        var earlier = new RankedArticle(Guid.NewGuid(), 5, T0, T0);
        var later = new RankedArticle(Guid.NewGuid(), 5, T0.AddSeconds(1), T0.AddDays(-1));

        Assert.Equal([later, earlier], TrendingOrder.Top([earlier, later], 10));
    }

    [Fact]
    public void Equal_scores_and_views_go_to_the_newer_article_and_then_a_stable_order()
    {
        var older = new RankedArticle(Guid.NewGuid(), 5, T0, T0.AddDays(-1));
        var newer = new RankedArticle(Guid.NewGuid(), 5, T0, T0);
        var unknown = new RankedArticle(Guid.NewGuid(), 5, T0, null);

        Assert.Equal([newer, older, unknown], TrendingOrder.Top([unknown, older, newer], 10));
        Assert.Equal(TrendingOrder.Top([older, newer, unknown], 10), TrendingOrder.Top([unknown, newer, older], 10));
    }

    [Fact]
    public void The_list_is_cut_at_the_limit_and_never_shows_a_zero_score()
    {
        var articles = Enumerable.Range(0, 12).Select(i => new RankedArticle(Guid.NewGuid(), i, T0, T0)).ToList();

        var top = TrendingOrder.Top(articles, 10);

        Assert.Equal(Enumerable.Range(2, 10).Reverse().Select(i => (double)i), top.Select(a => a.Score));
        Assert.DoesNotContain(TrendingOrder.Top(articles, 20), a => a.Score == 0);
    }
}
