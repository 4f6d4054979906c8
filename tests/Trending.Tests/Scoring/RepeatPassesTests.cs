using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Scoring;

namespace NewsPlatform.Trending.Tests.Scoring;

public class RepeatPassesTests
{
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:35:59Z");
    static readonly Guid A = Guid.NewGuid();
    static readonly Guid B = Guid.NewGuid();
    static readonly Guid Reader1 = Guid.NewGuid();
    static readonly Guid Reader2 = Guid.NewGuid();

    [Fact]
    public void A_batch_is_grouped_per_article_and_second_with_one_reader_per_view()
    {
        var alias = Guid.NewGuid();
        var batch = ViewBatch.From(
        [
            new AcceptedView(A, T0.AddMilliseconds(100), Reader1, null),
            new AcceptedView(A, T0.AddMilliseconds(900), Reader2, alias),
            new AcceptedView(A, T0.AddSeconds(1), Reader1, null),
        ], "node", T0);

        Assert.Equal(3, batch.TotalViews);
        var first = Assert.Single(batch.Views, v => v.Second == T0);
        Assert.Equal((A, 2), (first.ArticleId, first.Count));
        Assert.Equal([new ReaderView(Reader1), new ReaderView(Reader2, alias)], first.Readers!);
    }

    [Fact]
    public void Each_pass_holds_a_reader_article_pair_once_earliest_first()
    {
        var plan = RepeatPasses.Split(
        [
            new ArticleViews(A, T0.AddMinutes(31), 1, [new ReaderView(Reader1)]),
            new ArticleViews(A, T0, 2, [new ReaderView(Reader1), new ReaderView(Reader2)]),
            new ArticleViews(B, T0, 1, [new ReaderView(Reader1)]),
        ]);

        Assert.Empty(plan.Unchecked);
        Assert.Equal(2, plan.Passes.Count);
        Assert.Equal(
            [new ReaderArticleView(Reader1, null, A, T0), new ReaderArticleView(Reader2, null, A, T0), new ReaderArticleView(Reader1, null, B, T0)],
            plan.Passes[0]);
        Assert.Equal([new ReaderArticleView(Reader1, null, A, T0.AddMinutes(31))], plan.Passes[1]);
    }

    [Fact]
    public void Views_published_without_readers_are_counted_unchecked()
    {
        var old = new ArticleViews(A, T0, 7);

        var plan = RepeatPasses.Split([old]);

        Assert.Equal([old], plan.Unchecked);
        Assert.Empty(plan.Passes);
    }

    [Fact]
    public void Counted_views_fold_back_into_counts_per_article_and_second()
    {
        var counts = RepeatPasses.Counts(
        [
            new ReaderArticleView(Reader1, null, A, T0), new ReaderArticleView(Reader2, null, A, T0), new ReaderArticleView(Reader1, null, B, T0),
        ]);

        Assert.Equal([new ArticleViews(A, T0, 2), new ArticleViews(B, T0, 1)], counts.OrderBy(c => c.ArticleId == B));
    }
}
