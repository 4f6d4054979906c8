using System.Net;
using NewsPlatform.Trending.Catalog;
using NewsPlatform.Trending.Tests.Support;

namespace NewsPlatform.Trending.Tests.Integration;

[Collection(TrendingCollection.Name)]
public class ReplayTests(TrendingFixture fixture)
{
    TrendingHost Host => fixture.Host;

    [Fact]
    public async Task Replay_at_a_past_instant_shows_what_the_live_endpoint_answered_then()
    {
        var t = (string hhmmss) => DateTimeOffset.Parse($"2025-01-20T{hhmmss}Z");
        var section = Articles.UniqueSection("news");
        var a = await Host.PublishArticleAsync(section, "Big morning story", t("11:00:00"));
        var b = await Host.PublishArticleAsync(section, "Second wave story", t("11:00:00"));
        var c = await Host.PublishArticleAsync(section, "Evening story", t("11:00:00"));
        var e = await Host.PublishArticleAsync(section, "Story taken down for a while", t("11:00:00"));

        fixture.Clock.Now = t("12:05:20");
        await Views((a, 50), (b, 10), (c, 5), (e, 30));
        await Host.PublishAsync(Articles.Unpublished(e, 2, t("12:30:00")));
        await Host.WaitForStateAsync(e.ArticleId, ArticleState.NotLive);
        fixture.Clock.Now = t("12:20:40");
        await Views((a, 2), (b, 25));
        await Host.WaitUntilScoredAsync(122, a.ArticleId, b.ArticleId, c.ArticleId, e.ArticleId);

        fixture.Clock.Now = t("12:36:30"); // "what did Trending Now show at 12:36:30?"
        var then = await Host.TrendingAsync(section);
        Assert.Equal([a.ArticleId, b.ArticleId, c.ArticleId], then.Items.Select(i => i.ArticleId));

        // Later: the story comes back, and the evening story takes off.
        await Host.PublishAsync(Articles.Published(e, 3, t("12:40:00")));
        await Host.WaitForStateAsync(e.ArticleId, ArticleState.Live);
        fixture.Clock.Now = t("12:50:10");
        await Views((c, 80));
        await Host.WaitUntilScoredAsync(80 + 5, c.ArticleId);
        Assert.Equal(c.ArticleId, (await Host.TrendingAsync(section)).Items[0].ArticleId);

        var replay = await Host.ReplayAsync(then.AsOf, section);

        Assert.Equal(then.AsOf, replay.AsOf);
        Assert.Equal(TimeSpan.FromHours(1), replay.HalfLife);
        Assert.Equal(then.Items.Select(i => (i.ArticleId, i.Headline, i.Url, i.Section)), replay.Items.Select(i => (i.ArticleId, i.Headline, i.Url, i.Section)));
        foreach (var (live, replayed) in then.Items.Zip(replay.Items))
            Assert.InRange(Math.Abs(replayed.Score - live.Score) / live.Score, 0, replay.Tolerance);

        // While it was live, the story taken down later is part of the replay again.
        var earlier = await Host.ReplayAsync(t("12:25:00"), section);
        Assert.Contains(earlier.Items, i => i.ArticleId == e.ArticleId);

        async Task Views(params (Contracts.Articles.PublicArticle Article, int Count)[] views)
        {
            foreach (var (article, count) in views) await Host.ViewManyAsync(article.ArticleId, count);
        }
    }

    [Fact]
    public async Task Replay_with_another_half_life_shows_what_a_faster_decay_would_have_shown()
    {
        var t = (string hhmmss) => DateTimeOffset.Parse($"2025-01-21T{hhmmss}Z");
        var section = Articles.UniqueSection("world");
        var morning = await Host.PublishArticleAsync(section, "Morning story", t("11:00:00"));
        var rising = await Host.PublishArticleAsync(section, "Rising story", t("11:00:00"));
        fixture.Clock.Now = t("12:05:20");
        await Host.ViewManyAsync(morning.ArticleId, 50);
        await Host.ViewManyAsync(rising.ArticleId, 10);
        fixture.Clock.Now = t("12:20:40");
        await Host.ViewManyAsync(morning.ArticleId, 2);
        await Host.ViewManyAsync(rising.ArticleId, 25);
        await Host.WaitUntilScoredAsync(87, morning.ArticleId, rising.ArticleId);
        fixture.Clock.Now = t("13:00:00");

        var hour = await Host.ReplayAsync(t("12:36:30"), section);
        var tenMinutes = await Host.ReplayAsync(t("12:36:30"), section, TimeSpan.FromMinutes(10));

        Assert.Equal([morning.ArticleId, rising.ArticleId], hour.Items.Select(i => i.ArticleId));
        Assert.Equal([rising.ArticleId, morning.ArticleId], tenMinutes.Items.Select(i => i.ArticleId));
        Assert.Equal(TimeSpan.FromMinutes(10), tenMinutes.HalfLife);
    }

    [Theory]
    [InlineData("", "'at' is required")]
    [InlineData("at=2025-02-01T00:00:00Z", "in the future")]
    [InlineData("at=2024-10-01T00:00:00Z", "kept for 30 days")]
    [InlineData("at=2025-01-22T11:00:00Z&halfLife=00:00:00", "'halfLife' must be between")]
    [InlineData("at=2025-01-22T11:00:00Z&halfLife=30.00:00:00", "'halfLife' must be between")]
    [InlineData("at=2025-01-22T11:00:00Z&halfLife=soon", "halfLife")]
    [InlineData("at=yesterday", "at")]
    [InlineData("at=2025-01-22T11:00:00Z&limit=500", "'limit' must be between 1 and 50")]
    [InlineData("at=2025-01-22T11:00:00Z&section=../admin", "'section' must be a section slug")]
    public async Task A_replay_question_that_makes_no_sense_is_a_400_saying_why(string query, string mentions)
    {
        fixture.Clock.Now = DateTimeOffset.Parse("2025-01-22T12:00:00Z");

        var response = await Host.Client.GetAsync("/api/trending/replay?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Contains(mentions), body);
    }

    [Fact]
    public async Task The_live_endpoint_refuses_a_nonsense_limit_or_section_with_problem_details()
    {
        foreach (var query in new[] { "limit=0", "limit=51", "limit=ten", "section=news%2Fworld" })
        {
            var response = await Host.Client.GetAsync("/api/trending?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
