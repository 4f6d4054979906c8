using NewsPlatform.Trending.Ingest;

namespace NewsPlatform.Trending.Tests.Ingest;

public class RepeatFilterTests
{
    static readonly TimeSpan Window = TimeSpan.FromMinutes(30);
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:00:00Z");
    static readonly Guid Reader = Guid.NewGuid();
    static readonly Guid Article = Guid.NewGuid();

    [Fact]
    public void The_same_reader_on_the_same_article_within_the_window_is_a_repeat()
    {
        var filter = new RepeatFilter(Window, 1000);

        Assert.False(filter.IsRepeat(Reader, Article, T0));
        Assert.True(filter.IsRepeat(Reader, Article, T0.AddMinutes(10)));
        Assert.True(filter.IsRepeat(Reader, Article, T0.AddMinutes(29)));
    }

    [Fact]
    public void The_window_runs_from_the_counted_view_and_a_view_after_it_counts_again()
    {
        var filter = new RepeatFilter(Window, 1000);

        Assert.False(filter.IsRepeat(Reader, Article, T0));
        Assert.True(filter.IsRepeat(Reader, Article, T0.AddMinutes(20)));
        Assert.False(filter.IsRepeat(Reader, Article, T0.AddMinutes(30)));
        Assert.True(filter.IsRepeat(Reader, Article, T0.AddMinutes(59)));
        Assert.False(filter.IsRepeat(Reader, Article, T0.AddMinutes(60)));
    }

    [Fact]
    public void Other_articles_and_other_readers_count()
    {
        var filter = new RepeatFilter(Window, 1000);
        filter.IsRepeat(Reader, Article, T0);

        Assert.False(filter.IsRepeat(Reader, Guid.NewGuid(), T0));
        Assert.False(filter.IsRepeat(Guid.NewGuid(), Article, T0));
    }

    [Fact]
    public void A_remembered_second_identity_is_a_repeat_too()
    {
        var filter = new RepeatFilter(Window, 1000);
        var cookie = Guid.NewGuid();
        filter.IsRepeat(Reader, Article, T0);

        filter.Remember(cookie, Article, T0);

        Assert.True(filter.IsRepeat(cookie, Article, T0.AddMinutes(1)));
    }

    [Fact]
    public void Expired_pairs_are_forgotten_and_memory_stays_bounded()
    {
        var filter = new RepeatFilter(Window, 3);
        for (var i = 0; i < 3; i++) filter.IsRepeat(Guid.NewGuid(), Article, T0);
        Assert.Equal(3, filter.Count);

        filter.IsRepeat(Reader, Article, T0.AddMinutes(1));
        Assert.Equal(3, filter.Count); // the oldest was forgotten to make room

        filter.IsRepeat(Guid.NewGuid(), Article, T0.AddMinutes(30.5));
        Assert.Equal(2, filter.Count); // the T0 pairs expired; the reader from T0+1 min and the new one remain
    }

    [Fact]
    public void A_released_view_is_forgotten_so_a_retry_counts()
    {
        var filter = new RepeatFilter(Window, 1000);

        Assert.False(filter.IsRepeat(Reader, Article, T0));
        filter.Release(Reader, Article, T0);

        Assert.False(filter.IsRepeat(Reader, Article, T0.AddSeconds(5)));
        Assert.True(filter.IsRepeat(Reader, Article, T0.AddSeconds(6)));
    }
}
