using NewsPlatform.Contracts.Trending;
using NewsPlatform.Trending.Ranking;

namespace NewsPlatform.Trending.Tests.Ranking;

public class TrendingChangesTests
{
    static readonly TrendingItem A = new(Guid.NewGuid(), "Alpha", "/news/alpha", "news", 9);
    static readonly TrendingItem B = new(Guid.NewGuid(), "Beta", "/news/beta", "news", 5);
    static readonly TrendingItem C = new(Guid.NewGuid(), "Gamma", "/world/gamma", "world", 3);

    [Fact]
    public void Scores_drifting_with_time_is_not_a_change()
    {
        var before = new[] { new TrendingList(null, [A, B]) };
        var after = new[] { new TrendingList(null, [A with { Score = 4.5 }, B with { Score = 2.5 }]) };

        Assert.Empty(TrendingChanges.Between(before, after));
    }

    [Fact]
    public void A_new_order_a_new_article_or_a_new_headline_is_a_change()
    {
        var before = new[] { new TrendingList(null, [A, B]) };

        Assert.Single(TrendingChanges.Between(before, [new TrendingList(null, [B, A])]));
        Assert.Single(TrendingChanges.Between(before, [new TrendingList(null, [A, B, C])]));
        Assert.Single(TrendingChanges.Between(before, [new TrendingList(null, [A with { Headline = "Alpha, corrected" }, B])]));
    }

    [Fact]
    public void Only_the_lists_that_changed_are_announced()
    {
        var before = new[] { new TrendingList(null, [A, C]), new TrendingList("news", [A]), new TrendingList("world", [C]) };
        var after = new[] { new TrendingList(null, [A, C]), new TrendingList("news", [A, B]), new TrendingList("world", [C]) };

        var changed = Assert.Single(TrendingChanges.Between(before, after));
        Assert.Equal("news", changed.Section);
    }

    [Fact]
    public void Everything_is_new_to_a_node_that_announced_nothing_yet_except_empty_lists()
    {
        var current = new[] { new TrendingList(null, [A]), new TrendingList("news", [A]) };

        Assert.Equal(2, TrendingChanges.Between([], current).Count);
        Assert.Empty(TrendingChanges.Between([], [new TrendingList(null, [])]));
    }

    [Fact]
    public void A_section_whose_last_article_left_is_announced_empty_once()
    {
        var before = new[] { new TrendingList(null, [A, C]), new TrendingList("world", [C]) };
        var after = new[] { new TrendingList(null, [A]) };

        var changes = TrendingChanges.Between(before, after);

        Assert.Contains(changes, l => l.Section is null && l.Items.Count == 1);
        Assert.Contains(changes, l => l.Section == "world" && l.Items.Count == 0);
        var announced = new[] { new TrendingList(null, [A]), new TrendingList("world", []) };
        Assert.Empty(TrendingChanges.Between(announced, after));
    }
}
