using System.Collections.Concurrent;
using Marten;
using NewsPlatform.Contracts;
using NewsPlatform.Contracts.ReaderFeed;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Tests.Fixtures;
using NewsPlatform.TestKit;

namespace NewsPlatform.ReaderFeed.Tests.Consumers;

/// <summary>
/// ReaderFeed tells caches in front of it (the gateway) that reader pages changed — only once the change can be
/// read, only once per change, and not for Trending Now.
/// </summary>
[Collection(ReaderFeedCollection.Name)]
public class PagesChangedTests(ReaderFeedHost host)
{
    /// <summary>A notice, and the article's headline in the read model at the moment the notice arrived.</summary>
    sealed record Heard(ReaderPagesChangedV1 Notice, string? HeadlineThen);

    [Fact]
    public async Task A_revision_is_announced_after_it_is_committed_and_a_duplicate_is_not_announced_again()
    {
        var heard = new ConcurrentQueue<Heard>();
        await using var _ = await host.ListenAsync<ReaderPagesChangedV1>(async notice =>
            heard.Enqueue(new Heard(notice, notice.SubjectId is { } id ? await HeadlineAsync(id) : null)));
        var article = Seed.Article(slug: "harbour-bath-reopens");
        await host.PublishAndWaitAsync(Seed.Published(article));
        await NoticeAsync(heard, article.ArticleId, count: 1);

        var revised = Seed.Revised(article with { Headline = "Harbour bath reopens after storm repairs" }, 2, significant: true);
        await host.PublishAsync(revised);
        var notices = await NoticeAsync(heard, article.ArticleId, count: 2);

        // When the revision was announced, the read model already showed it: a cache refilled then gets the new page.
        var notice = notices[1];
        Assert.Equal(nameof(Contracts.Articles.ArticleRevisedV1), notice.Notice.Cause);
        Assert.Equal("Harbour bath reopens after storm repairs", notice.HeadlineThen);

        // A redelivered revision changes nothing, so it announces nothing.
        await host.PublishAsync(revised);
        await host.WaitUntilConsumedAsync(revised.EventId, times: 2);
        await SentinelAsync(heard);
        Assert.Equal(2, heard.Count(h => h.Notice.SubjectId == article.ArticleId));
    }

    [Fact]
    public async Task Photo_changes_are_announced_and_trending_now_is_not()
    {
        var heard = new ConcurrentQueue<Heard>();
        await using var _ = await host.ListenAsync<ReaderPagesChangedV1>(notice =>
        {
            heard.Enqueue(new Heard(notice, null));
            return Task.CompletedTask;
        });
        var photo = Seed.Photo();
        await host.PublishAndWaitAsync(Seed.MediaReady(photo));
        await NoticeAsync(heard, photo.MediaId, count: 1);

        var trending = Seed.Trending(host.NextTrendingAsOf(), Seed.Article());
        await host.PublishAndWaitAsync(trending);
        await SentinelAsync(heard);

        Assert.Equal(nameof(Contracts.Media.MediaAssetReadyV1), heard.Single(h => h.Notice.SubjectId == photo.MediaId).Notice.Cause);
        Assert.DoesNotContain(heard, h => h.Notice.Cause == nameof(Contracts.Trending.TrendingChangedV1));
    }

    async Task<string?> HeadlineAsync(Guid articleId)
    {
        await using var session = host.Store.QuerySession();
        return (await session.LoadAsync<ArticleView>(articleId))?.Article?.Headline;
    }

    static Task<Heard[]> NoticeAsync(ConcurrentQueue<Heard> heard, Guid subject, int count) =>
        Eventually.MatchAsync(() => Task.FromResult(heard.Where(h => h.Notice.SubjectId == subject).ToArray()), n => n.Length >= count,
            TimeSpan.FromSeconds(15), $"{count} notice(s) about {subject}");

    /// <summary>
    /// Another article's change, announced after everything before it was consumed: once its notice is here, a
    /// notice the earlier messages were going to send would be here too.
    /// </summary>
    async Task SentinelAsync(ConcurrentQueue<Heard> heard)
    {
        var sentinel = Seed.Article(id: Guid.NewGuid(), slug: "sentinel-" + Guid.NewGuid().ToString("N")[..8]);
        await host.PublishAndWaitAsync(Seed.Published(sentinel));
        await NoticeAsync(heard, sentinel.ArticleId, count: 1);
    }
}
