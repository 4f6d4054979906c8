using NewsPlatform.Trending.Ingest;

namespace NewsPlatform.Trending.Scoring;

/// <summary>One view to check against the repeat rule.</summary>
public sealed record ReaderArticleView(Guid Reader, Guid? Alias, Guid ArticleId, DateTimeOffset Second);

/// <summary>A batch split for the repeat check: views without a reader, and passes of views to check.</summary>
public sealed record RepeatPlan(IReadOnlyList<ArticleViews> Unchecked, IReadOnlyList<IReadOnlyList<ReaderArticleView>> Passes);

/// <summary>
/// Splits a batch for the repeat check. An UPSERT may touch each (reader, article) row once, so the views
/// go in passes with distinct pairs, earliest first: pass 0 holds each pair's first view, pass 1 its
/// second, and so on (only when one node's filter let the same pair through twice, e.g. after its window
/// ran out). Views published without readers are counted unchecked.
/// </summary>
public static class RepeatPasses
{
    public static RepeatPlan Split(IEnumerable<ArticleViews> views)
    {
        var unchecked_ = new List<ArticleViews>();
        var passes = new List<List<ReaderArticleView>>();
        var seen = new Dictionary<(Guid Reader, Guid Article), int>();
        foreach (var group in views.OrderBy(v => v.Second))
        {
            if (group.Readers is null)
            {
                unchecked_.Add(group);
                continue;
            }
            foreach (var reader in group.Readers)
            {
                var pass = seen.GetValueOrDefault((reader.Reader, group.ArticleId));
                seen[(reader.Reader, group.ArticleId)] = pass + 1;
                if (pass == passes.Count) passes.Add([]);
                passes[pass].Add(new ReaderArticleView(reader.Reader, reader.Alias, group.ArticleId, group.Second));
            }
        }
        return new RepeatPlan(unchecked_, passes);
    }

    /// <summary>Counted views back into per-article-and-second counts, for <see cref="BatchTotals"/>.</summary>
    public static IReadOnlyList<ArticleViews> Counts(IEnumerable<ReaderArticleView> counted) =>
        counted.GroupBy(v => (v.ArticleId, v.Second)).Select(g => new ArticleViews(g.Key.ArticleId, g.Key.Second, g.Count())).ToList();
}
