using NewsPlatform.Trending.Ingest;

namespace NewsPlatform.Trending.Tests.Ingest;

public class ViewBufferTests
{
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:36:10Z");

    [Fact]
    public void Views_are_counted_per_article_and_second_and_drained_once()
    {
        var buffer = new ViewBuffer();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        buffer.Add(a, T0.AddMilliseconds(100));
        buffer.Add(a, T0.AddMilliseconds(900));
        buffer.Add(a, T0.AddSeconds(1));
        buffer.Add(b, T0);
        Assert.Equal(4, buffer.Pending);

        var drained = buffer.Drain();

        Assert.Equal(
            new[] { new ArticleViews(a, T0, 2), new ArticleViews(a, T0.AddSeconds(1), 1), new ArticleViews(b, T0, 1) }.OrderBy(v => (v.ArticleId, v.Second)),
            drained.OrderBy(v => (v.ArticleId, v.Second)));
        Assert.Equal(0, buffer.Pending);
        Assert.Empty(buffer.Drain());
    }

    [Fact]
    public void Nothing_is_lost_when_views_arrive_while_draining()
    {
        var buffer = new ViewBuffer();
        var article = Guid.NewGuid();
        long drained = 0;

        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 25_000; i++) buffer.Add(article, T0);
        })).ToArray();
        while (!writers.All(w => w.IsCompleted)) drained += buffer.Drain().Sum(v => v.Count);
        drained += buffer.Drain().Sum(v => v.Count);

        Assert.Equal(100_000, drained);
    }
}
