using NewsPlatform.Trending.Scoring;

namespace NewsPlatform.Trending.Tests.Scoring;

public class ScoreMathTests
{
    static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2025-01-14T12:36:00Z");

    [Theory]
    [InlineData(0, 8.0)]
    [InlineData(60, 4.0)]
    [InlineData(120, 2.0)]
    [InlineData(180, 1.0)]
    [InlineData(30, 5.656854249492381)] // 8 / √2
    public void A_score_halves_every_half_life(int minutesLater, double expected)
    {
        var score = ScoreMath.Add(DecayedScore.Zero, 8, T0, Hour);

        Assert.Equal(expected, ScoreMath.ValueAt(score, T0.AddMinutes(minutesLater), Hour), 12);
    }

    [Fact]
    public void New_views_are_added_to_the_decayed_score()
    {
        var score = ScoreMath.Add(DecayedScore.Zero, 10, T0, Hour);

        score = ScoreMath.Add(score, 4, T0 + Hour, Hour);

        Assert.Equal(new DecayedScore(9, T0 + Hour), score); // 10·½ + 4
    }

    [Fact]
    public void A_shorter_half_life_forgets_faster()
    {
        var thirtyMinutes = TimeSpan.FromMinutes(30);
        var score = ScoreMath.Add(DecayedScore.Zero, 8, T0, thirtyMinutes);

        Assert.Equal(2.0, ScoreMath.ValueAt(score, T0 + Hour, thirtyMinutes), 12);
    }

    [Fact]
    public void A_late_batch_is_decayed_to_the_score_time_instead_of_rewinding_it()
    {
        var score = ScoreMath.Add(DecayedScore.Zero, 10, T0 + Hour, Hour);

        var withLate = ScoreMath.Add(score, 4, T0, Hour);

        Assert.Equal(new DecayedScore(12, T0 + Hour), withLate); // 10 + 4·½
    }

    [Fact]
    public void The_arrival_order_of_views_does_not_change_the_score()
    {
        var random = new Random(7);
        var views = Enumerable.Range(0, 200).Select(_ => (Weight: random.Next(1, 20), At: T0.AddSeconds(random.Next(0, 4 * 3600)))).ToList();

        var inOrder = views.OrderBy(v => v.At).Aggregate(DecayedScore.Zero, (s, v) => ScoreMath.Add(s, v.Weight, v.At, Hour));
        var shuffled = views.OrderBy(_ => random.Next()).Aggregate(DecayedScore.Zero, (s, v) => ScoreMath.Add(s, v.Weight, v.At, Hour));
        var direct = views.Sum(v => v.Weight * Math.Pow(2, -(inOrder.At - v.At).TotalHours));

        Assert.Equal(inOrder.At, shuffled.At);
        Assert.Equal(direct, inOrder.Value, 9);
        Assert.Equal(direct, shuffled.Value, 9);
    }

    [Fact]
    public void A_recent_spike_outranks_more_views_long_ago()
    {
        var steady = ScoreMath.Add(DecayedScore.Zero, 40, T0, Hour);
        var spike = ScoreMath.Add(DecayedScore.Zero, 25, T0 + Hour, Hour);

        var now = T0 + Hour;
        Assert.True(ScoreMath.ValueAt(spike, now, Hour) > ScoreMath.ValueAt(steady, now, Hour)); // 25 > 20
    }

    [Fact]
    public void Views_a_thousand_half_lives_old_weigh_nothing_rather_than_underflowing()
    {
        Assert.Equal(0, ScoreMath.DecayFactor(TimeSpan.FromHours(1001), Hour));
        Assert.True(ScoreMath.DecayFactor(TimeSpan.FromHours(999), Hour) > 0);
        Assert.Equal(5, ScoreMath.Add(new DecayedScore(3, T0), 5, T0.AddYears(1), Hour).Value);
    }
}
