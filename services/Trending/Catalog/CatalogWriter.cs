using Marten;
using NewsPlatform.Trending.Storage;

namespace NewsPlatform.Trending.Catalog;

/// <summary>Stages a <see cref="CatalogChange"/> on the consumer's session (committed with its processed-message row).</summary>
public static class CatalogWriter
{
    public static void Stage(IDocumentSession session, CatalogChange change)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;

        // Newest stream version wins; an unpublish keeps the last headline but hides the article.
        session.QueueSqlCommand(
            $"""
            insert into {schema}.{TrendingSchema.Articles} as a
              (article_id, stream_version, published, section, slug, headline, url, published_at, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?::timestamptz, clock_timestamp())
            on conflict (article_id) do update set
              stream_version = excluded.stream_version,
              published = excluded.published,
              section = excluded.section,
              slug = excluded.slug,
              url = excluded.url,
              headline = case when excluded.published then excluded.headline else a.headline end,
              published_at = coalesce(excluded.published_at, a.published_at),
              changed_at = excluded.changed_at
            where a.stream_version < excluded.stream_version
            """,
            change.ArticleId, change.Version, change.Live, change.Section, change.Slug, change.Headline, change.Url,
            (object?)change.PublishedAt ?? DBNull.Value);

        // Every version once, in any arrival order: replay asks which was the latest at a past instant.
        session.QueueSqlCommand(
            $"""
            insert into {schema}.{TrendingSchema.ArticleHistory} (article_id, stream_version, occurred_at, published, section)
            values (?, ?, ?, ?, ?)
            on conflict (article_id, stream_version) do nothing
            """,
            change.ArticleId, change.Version, change.OccurredAt, change.Live, change.Section);
    }
}
