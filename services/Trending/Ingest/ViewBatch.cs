namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// The views one Trending node accepted since its previous flush, counted per article and second.
/// Internal to Trending (not a Contracts event): ingest nodes publish it, scoring consumers apply it.
/// <paramref name="BatchId"/> is also the MassTransit MessageId, so a redelivered batch counts once.
/// </summary>
public sealed record ViewBatch(Guid BatchId, string Node, DateTimeOffset FlushedAt, IReadOnlyList<ArticleViews> Views)
{
    public long TotalViews => Views.Sum(v => (long)v.Count);
}

/// <summary><paramref name="Count"/> accepted views of one article during the UTC second <paramref name="Second"/>.</summary>
public sealed record ArticleViews(Guid ArticleId, DateTimeOffset Second, int Count);
