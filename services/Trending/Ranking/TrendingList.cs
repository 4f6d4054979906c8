using NewsPlatform.Contracts.Trending;

namespace NewsPlatform.Trending.Ranking;

/// <summary>One Trending Now list: site-wide when <see cref="Section"/> is null, else one section's.</summary>
public sealed record TrendingList(string? Section, IReadOnlyList<TrendingItem> Items);

/// <summary>Which lists changed between two snapshots, as readers would notice it.</summary>
public static class TrendingChanges
{
    /// <summary>
    /// A list changed when its articles, their order, or what readers see of them (headline, URL, section)
    /// changed. Scores drift every second and do not count. A list that vanished comes back empty.
    /// </summary>
    public static IReadOnlyList<TrendingList> Between(IReadOnlyList<TrendingList> previous, IReadOnlyList<TrendingList> current)
    {
        var before = previous.ToDictionary(l => l.Section ?? "");
        var now = current.ToDictionary(l => l.Section ?? "");
        var changed = current.Where(l => !SameForReaders(before.GetValueOrDefault(l.Section ?? "")?.Items ?? [], l.Items)).ToList();
        changed.AddRange(previous
            .Where(l => l.Items.Count > 0 && !now.ContainsKey(l.Section ?? ""))
            .Select(l => new TrendingList(l.Section, [])));
        return changed;
    }

    static bool SameForReaders(IReadOnlyList<TrendingItem> a, IReadOnlyList<TrendingItem> b) =>
        a.Count == b.Count && a.Zip(b).All(p =>
            p.First.ArticleId == p.Second.ArticleId && p.First.Headline == p.Second.Headline &&
            p.First.Url == p.Second.Url && p.First.Section == p.Second.Section);
}
