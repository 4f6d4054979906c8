using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Scoring;

namespace NewsPlatform.Trending.Tests.Scoring;

public class BatchTotalsTests
{
    static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:35:59Z");
    static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void An_article_s_seconds_collapse_into_one_weight_at_its_latest_second()
    {
        var views = new[] { new ArticleViews(A, T0, 6), new ArticleViews(A, T0.AddMinutes(30), 2), new ArticleViews(B, T0, 1) };

        var totals = BatchTotals.PerArticle(views, Hour);

        var a = Assert.Single(totals, t => t.ArticleId == A);
        Assert.Equal(T0.AddMinutes(30), a.At);
        Assert.Equal(6 * Math.Pow(2, -0.5) + 2, a.Weight, 12);
        Assert.Equal(8, a.Views);
        Assert.Equal(1, Assert.Single(totals, t => t.ArticleId == B).Views);
    }

    [Fact]
    public void Minute_counts_split_at_the_minute_boundary()
    {
        var views = new[] { new ArticleViews(A, T0, 3), new ArticleViews(A, T0.AddSeconds(1), 4), new ArticleViews(A, T0.AddSeconds(2), 1) };

        var minutes = BatchTotals.PerMinute(views);

        Assert.Equal(
            [new MinuteViews(A, DateTimeOffset.Parse("2025-01-14T12:35:00Z"), 3), new MinuteViews(A, DateTimeOffset.Parse("2025-01-14T12:36:00Z"), 5)],
            minutes);
    }

    [Fact]
    public void Rows_come_in_one_order_whatever_the_batch_order_so_scorers_lock_alike()
    {
        var views = new[] { new ArticleViews(B, T0, 1), new ArticleViews(A, T0, 1) };

        Assert.Equal([A, B], BatchTotals.PerArticle(views, Hour).Select(t => t.ArticleId));
        Assert.Equal([A, B], BatchTotals.PerArticle(views.Reverse(), Hour).Select(t => t.ArticleId));
    }
}
