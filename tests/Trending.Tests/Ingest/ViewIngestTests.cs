using System.Net;
using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Ingest;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Ingest;

public class ViewIngestTests
{
    const string Browser = TrendingHost.Browser;
    static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");
    readonly TestClock _clock = new(DateTimeOffset.Parse("2025-01-14T12:36:10.400Z"));
    readonly LiveArticles _catalog = new();
    readonly ViewBuffer _buffer = new();
    readonly IngestStats _stats = new();
    readonly ViewIngest _ingest;
    readonly Guid _live = Guid.NewGuid();

    public ViewIngestTests()
    {
        var salts = new ReaderSalts();
        salts.Replace(new Dictionary<DateOnly, byte[]> { [new DateOnly(2025, 1, 14)] = new byte[32] });
        _catalog.Set(_live, true);
        _ingest = new ViewIngest(_catalog, salts, new RepeatFilter(TimeSpan.FromMinutes(30), 1000), _buffer, _stats, new TrendingClock(_clock));
    }

    [Fact]
    public void A_reader_s_view_of_a_live_article_is_buffered_at_its_second()
    {
        var outcome = _ingest.Record(_live, Browser, Address, Guid.NewGuid().ToString("N"));

        Assert.True(outcome.Accepted);
        Assert.Equal([new ArticleViews(_live, DateTimeOffset.Parse("2025-01-14T12:36:10Z"), 1)], _buffer.Drain());
        Assert.Equal(1, _stats.AcceptedTotal);
    }

    [Fact]
    public void A_bot_is_ignored_and_gets_no_cookie()
    {
        var outcome = _ingest.Record(_live, "Mozilla/5.0 (compatible; Googlebot/2.1)", Address, null);

        Assert.Equal(new IngestOutcome(IgnoredReason.Bot, null), outcome);
        Assert.Empty(_buffer.Drain());
        Assert.Equal(1, _stats.IgnoredTotals["bot"]);
    }

    [Fact]
    public void Unknown_and_unpublished_articles_are_ignored_with_their_own_reasons()
    {
        var gone = Guid.NewGuid();
        _catalog.Set(gone, false);

        Assert.Equal(IgnoredReason.UnknownArticle, _ingest.Record(Guid.NewGuid(), Browser, Address, null).Ignored);
        Assert.Equal(IgnoredReason.NotPublished, _ingest.Record(gone, Browser, Address, null).Ignored);
        Assert.Empty(_buffer.Drain());
        Assert.Equal(1, _stats.IgnoredTotals["unknown_article"]);
        Assert.Equal(1, _stats.IgnoredTotals["not_published"]);
    }

    [Fact]
    public void A_reader_with_a_cookie_counts_once_per_window()
    {
        var cookie = Guid.NewGuid().ToString("N");

        Assert.True(_ingest.Record(_live, Browser, Address, cookie).Accepted);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(IgnoredReason.Repeat, _ingest.Record(_live, Browser, IPAddress.Parse("198.51.100.1"), cookie).Ignored);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(_ingest.Record(_live, Browser, Address, cookie).Accepted);
        Assert.Equal(2, _buffer.Drain().Sum(v => v.Count));
    }

    [Fact]
    public void Without_a_cookie_the_address_hash_recognises_the_reader_and_the_issued_cookie_does_too()
    {
        var first = _ingest.Record(_live, Browser, Address, null);
        Assert.True(first.Accepted);
        Assert.NotNull(first.ReaderCookie);

        // The browser came back with the cookie it was given: the same reader.
        Assert.Equal(IgnoredReason.Repeat, _ingest.Record(_live, Browser, Address, first.ReaderCookie!.Value.ToString("N")).Ignored);
        // A browser that refuses cookies is recognised by address and User-Agent.
        Assert.Equal(IgnoredReason.Repeat, _ingest.Record(_live, Browser, Address, null).Ignored);
        // Someone else behind another address counts.
        Assert.True(_ingest.Record(_live, Browser, IPAddress.Parse("203.0.113.8"), null).Accepted);
        Assert.Equal(2, _buffer.Drain().Sum(v => v.Count));
    }
}
