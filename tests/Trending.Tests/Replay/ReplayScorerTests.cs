using NewsPlatform.Trending.Ranking;
using NewsPlatform.Trending.Replay;
using NewsPlatform.Trending.Scoring;

namespace NewsPlatform.Trending.Tests.Replay;

public class ReplayScorerTests
{
    static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    static readonly DateTimeOffset Minute = DateTimeOffset.Parse("2025-01-14T12:05:00Z");
    static readonly Guid A = Guid.NewGuid();
    static readonly Guid B = Guid.NewGuid();

    [Fact]
    public void A_minute_s_views_are_placed_mid_minute_or_mid_way_to_the_instant()
    {
        Assert.Equal(Minute.AddSeconds(30), ReplayScorer.PlaceInMinute(Minute, Minute.AddMinutes(10)));
        Assert.Equal(Minute.AddSeconds(10), ReplayScorer.PlaceInMinute(Minute, Minute.AddSeconds(20)));
    }

    [Fact]
    public void Each_minute_decays_from_its_place_to_the_instant()
    {
        var at = DateTimeOffset.Parse("2025-01-14T13:05:30Z");
        var minutes = new[] { new MinuteViews(A, Minute, 10), new MinuteViews(A, Minute.AddMinutes(30), 4), new MinuteViews(B, Minute.AddMinutes(60), 3) };

        var scores = ReplayScorer.ScoresAt(minutes, at, Hour).ToDictionary(s => s.ArticleId);

        Assert.Equal(10 * 0.5 + 4 * Math.Pow(2, -0.5), scores[A].Score, 12);
        Assert.Equal(Minute.AddMinutes(30), scores[A].LastMinute);
        Assert.Equal(3 * Math.Pow(2, -(15.0 / 3600)), scores[B].Score, 12); // placed at 13:05:15
    }

    [Fact]
    public void Minutes_after_the_instant_do_not_exist_yet()
    {
        var scores = ReplayScorer.ScoresAt([new MinuteViews(A, Minute, 5), new MinuteViews(B, Minute.AddMinutes(2), 50)], Minute.AddMinutes(1), Hour);

        Assert.Equal(A, Assert.Single(scores).ArticleId);
    }

    [Fact]
    public void Another_half_life_can_change_who_trended()
    {
        // A had a big morning, B a strong second wave; at 12:36:30, a one-hour half-life still favours A,
        // a ten-minute one already favours B.
        var minutes = new[]
        {
            new MinuteViews(A, Minute, 50), new MinuteViews(A, Minute.AddMinutes(15), 2),
            new MinuteViews(B, Minute, 10), new MinuteViews(B, Minute.AddMinutes(15), 25),
        };
        var at = DateTimeOffset.Parse("2025-01-14T12:36:30Z");

        Assert.Equal([A, B], Ranked(minutes, at, Hour));
        Assert.Equal([B, A], Ranked(minutes, at, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Replay_stays_within_its_stated_tolerance_of_the_per_second_live_score()
    {
        var random = new Random(11);
        var at = DateTimeOffset.Parse("2025-01-14T14:00:00Z");
        foreach (var halfLife in new[] { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), Hour, TimeSpan.FromHours(6) })
        {
            var views = Enumerable.Range(0, 500).Select(_ => (Second: at.AddSeconds(-random.Next(0, 3 * 3600)), Count: random.Next(1, 5))).ToList();
            var live = ScoreMath.ValueAt(
                views.Aggregate(DecayedScore.Zero, (s, v) => ScoreMath.Add(s, v.Count, v.Second, halfLife)), at, halfLife);
            var minutes = views.GroupBy(v => TimeBuckets.Minute(v.Second)).Select(g => new MinuteViews(A, g.Key, g.Sum(v => v.Count)));

            var replayed = Assert.Single(ReplayScorer.ScoresAt(minutes, at, halfLife)).Score;

            Assert.InRange(Math.Abs(replayed - live) / live, 0, ReplayScorer.Tolerance(halfLife));
        }
    }

    [Fact]
    public void The_tolerance_is_half_a_minute_of_decay()
    {
        Assert.Equal(0.00579, ReplayScorer.Tolerance(Hour), 5);
        Assert.Equal(Math.Pow(2, 0.1) - 1, ReplayScorer.Tolerance(TimeSpan.FromMinutes(5)), 12);
    }

    static Guid[] Ranked(IEnumerable<MinuteViews> minutes, DateTimeOffset at, TimeSpan halfLife) =>
        TrendingOrder.Top(ReplayScorer.ScoresAt(minutes, at, halfLife).Select(s => new RankedArticle(s.ArticleId, s.Score, s.LastMinute, null)), 10)
            .Select(r => r.ArticleId).ToArray();
}
