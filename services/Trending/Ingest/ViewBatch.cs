namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// The views one Trending node accepted in one group commit, grouped per article and second.
/// Internal to Trending (not a Contracts event): ingest nodes publish it, scoring consumers apply it.
/// <paramref name="BatchId"/> is also the MassTransit MessageId, so a redelivered batch counts once.
/// </summary>
public sealed record ViewBatch(Guid BatchId, string Node, DateTimeOffset FlushedAt, IReadOnlyList<ArticleViews> Views)
{
    public long TotalViews => Views.Sum(v => (long)v.Count);

    /// <summary>Groups accepted views per article and UTC second, keeping each view's reader for the repeat check.</summary>
    public static ViewBatch From(IEnumerable<AcceptedView> views, string node, DateTimeOffset flushedAt) =>
        new(Guid.NewGuid(), node, flushedAt, views
            .GroupBy(v => (v.ArticleId, Second: v.At.ToUnixTimeSeconds()))
            .Select(g => new ArticleViews(g.Key.ArticleId, DateTimeOffset.FromUnixTimeSeconds(g.Key.Second), g.Count(),
                g.Select(v => new ReaderView(v.Reader, v.Alias)).ToList()))
            .ToList());
}

/// <summary>
/// <paramref name="Count"/> accepted views of one article during the UTC second <paramref name="Second"/>, and
/// who read it (one entry per view). A batch without <paramref name="Readers"/> (published before readers were
/// carried) is counted without the cross-node repeat check.
/// </summary>
public sealed record ArticleViews(Guid ArticleId, DateTimeOffset Second, int Count, IReadOnlyList<ReaderView>? Readers = null);

/// <summary>
/// The reader of one view: the <c>np_reader</c> cookie, or the keyed hash of address and User-Agent (never the
/// address). <paramref name="Alias"/> is the cookie handed out with a view recognised by its hash, so the same
/// reader's next beacon — with the cookie — is recognised on every node too.
/// </summary>
public sealed record ReaderView(Guid Reader, Guid? Alias = null);

/// <summary>One view that passed this node's filters, waiting in a group commit.</summary>
public sealed record AcceptedView(Guid ArticleId, DateTimeOffset At, Guid Reader, Guid? Alias);
