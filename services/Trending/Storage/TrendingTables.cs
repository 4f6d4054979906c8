namespace NewsPlatform.Trending.Storage;

/// <summary>Qualified names of Trending's tables in this service's schema, for hand-written SQL.</summary>
public sealed class TrendingTables(string schema)
{
    public string Schema { get; } = schema;
    public string Articles => $"{Schema}.{TrendingSchema.Articles}";
    public string ArticleHistory => $"{Schema}.{TrendingSchema.ArticleHistory}";
    public string Scores => $"{Schema}.{TrendingSchema.Scores}";
    public string MinuteViews => $"{Schema}.{TrendingSchema.MinuteViews}";
    public string ReaderSalts => $"{Schema}.{TrendingSchema.ReaderSalts}";
    public string ReaderViews => $"{Schema}.{TrendingSchema.ReaderViews}";
}
