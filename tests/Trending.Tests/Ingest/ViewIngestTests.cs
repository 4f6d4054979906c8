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
    readonly ViewBuffer _buffer = new(100);
    readonly IngestStats _stats = new();
    readonly ViewIngest _ingest;
    readonly Guid _live = Guid.NewGuid();
    readonly List<AcceptedView> _published = [];

    public ViewIngestTests()
    {
        var salts = new ReaderSalts();
        salts.Replace(new Dictionary<DateOnly, byte[]> { [new DateOnly(2025, 1, 14)] = new byte[32] });
        _catalog.Set(_live, true);
        _ingest = new ViewIngest(_catalog, salts, new RepeatFilter(TimeSpan.FromMinutes(30), 1000), _buffer, _stats, _clock);
    }

    /// <summary>Takes a beacon as the endpoint does, with the broker confirming (or not) the group it joined.</summary>
    async Task<IngestOutcome> Record(Guid article, string? userAgent, IPAddress address, string? cookie, bool confirmed = true)
    {
        var outcome = _ingest.RecordAsync(article, userAgent, address, cookie);
        var group = _buffer.Take();
        if (confirmed) _published.AddRange(group.Views);
        group.Complete(confirmed);
        return await outcome;
    }

    [Fact]
    public async Task A_reader_s_view_of_a_live_article_is_answered_once_its_group_is_confirmed()
    {
        var reader = Guid.NewGuid();
        var outcome = _ingest.RecordAsync(_live, Browser, Address, reader.ToString("N"));
        Assert.False(outcome.IsCompleted);
        Assert.Equal(0, _stats.AcceptedTotal);

        var group = _buffer.Take();
        group.Complete(true);

        Assert.True((await outcome).Accepted);
        Assert.Equal([new AcceptedView(_live, _clock.Now, reader, null)], group.Views);
        Assert.Equal(1, _stats.AcceptedTotal);
    }

    [Fact]
    public async Task A_view_whose_group_the_broker_did_not_confirm_is_refused_and_a_retry_counts()
    {
        var cookie = Guid.NewGuid().ToString("N");

        var refused = await Record(_live, Browser, Address, cookie, confirmed: false);
        Assert.True(refused.Refused);
        Assert.False(refused.Accepted);
        Assert.Equal((0, 1), (_stats.AcceptedTotal, _stats.RefusedTotal));

        // Not remembered as counted: the retry is accepted, not ignored as a repeat.
        Assert.True((await Record(_live, Browser, Address, cookie)).Accepted);
        Assert.Single(_published);
    }

    [Fact]
    public async Task A_bot_is_ignored_and_gets_no_cookie()
    {
        var outcome = await Record(_live, "Mozilla/5.0 (compatible; Googlebot/2.1)", Address, null);

        Assert.Equal(new IngestOutcome(IgnoredReason.Bot, null), outcome);
        Assert.Empty(_published);
        Assert.Equal(1, _stats.IgnoredTotals["bot"]);
    }

    [Fact]
    public async Task Unknown_and_unpublished_articles_are_ignored_with_their_own_reasons()
    {
        var gone = Guid.NewGuid();
        _catalog.Set(gone, false);

        Assert.Equal(IgnoredReason.UnknownArticle, (await Record(Guid.NewGuid(), Browser, Address, null)).Ignored);
        Assert.Equal(IgnoredReason.NotPublished, (await Record(gone, Browser, Address, null)).Ignored);
        Assert.Empty(_published);
        Assert.Equal(1, _stats.IgnoredTotals["unknown_article"]);
        Assert.Equal(1, _stats.IgnoredTotals["not_published"]);
    }

    [Fact]
    public async Task A_reader_with_a_cookie_counts_once_per_window()
    {
        var cookie = Guid.NewGuid().ToString("N");

        Assert.True((await Record(_live, Browser, Address, cookie)).Accepted);
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(IgnoredReason.Repeat, (await Record(_live, Browser, IPAddress.Parse("198.51.100.1"), cookie)).Ignored);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await Record(_live, Browser, Address, cookie)).Accepted);
        Assert.Equal(2, _published.Count);
    }

    [Fact]
    public async Task Without_a_cookie_the_address_hash_recognises_the_reader_and_the_issued_cookie_does_too()
    {
        var first = await Record(_live, Browser, Address, null);
        Assert.True(first.Accepted);
        Assert.NotNull(first.ReaderCookie);
        // The batch carries the hash as the reader and the issued cookie as its alias, for the check across nodes.
        Assert.Equal(first.ReaderCookie, _published[0].Alias);
        Assert.NotEqual(first.ReaderCookie, _published[0].Reader);

        // The browser came back with the cookie it was given: the same reader.
        Assert.Equal(IgnoredReason.Repeat, (await Record(_live, Browser, Address, first.ReaderCookie!.Value.ToString("N"))).Ignored);
        // A browser that refuses cookies is recognised by address and User-Agent.
        Assert.Equal(IgnoredReason.Repeat, (await Record(_live, Browser, Address, null)).Ignored);
        // Someone else behind another address counts.
        Assert.True((await Record(_live, Browser, IPAddress.Parse("203.0.113.8"), null)).Accepted);
        Assert.Equal(2, _published.Count);
    }
}
