using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Rendering;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>
/// The full-text index of live articles: one row per article with a weighted tsvector (headline A,
/// standfirst B, body C). Kept in the same transaction as the article's read model.
/// </summary>
public sealed class SearchIndex(string schema, string configuration)
{
    public const string TableName = "article_search";

    public string Table => $"{schema}.{TableName}";
    public string Configuration => configuration;

    /// <summary>The table, created and migrated by Marten with the documents.</summary>
    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<Guid>("id").AsPrimaryKey();
        table.AddColumn<string>("path").NotNull();
        table.AddColumn<string>("section").NotNull();
        table.AddColumn("published_at", "timestamp with time zone").NotNull();
        table.AddColumn<string>("headline").NotNull();
        table.AddColumn<string>("standfirst").NotNull();
        table.AddColumn<string>("body_text").NotNull();
        table.AddColumn("document", "tsvector").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_document") { Columns = ["document"], Method = IndexMethod.gin });
        return table;
    }

    /// <summary>Adds, replaces or removes the article's row, as its status says.</summary>
    public void Stage(IDocumentOperations session, ArticleView article)
    {
        if (!article.IsLive)
        {
            session.QueueSqlCommand($"delete from {Table} where id = ?", article.Id);
            return;
        }
        var a = article.Article!;
        session.QueueSqlCommand(
            $"""
            insert into {Table} (id, path, section, published_at, headline, standfirst, body_text, document)
            select v.id, v.path, v.section, v.published_at, v.headline, v.standfirst, v.body_text,
                   setweight(to_tsvector(v.cfg, v.headline), 'A') || setweight(to_tsvector(v.cfg, v.standfirst), 'B')
                   || setweight(to_tsvector(v.cfg, v.body_text), 'C')
            from (select ?::uuid as id, ?::text as path, ?::text as section, ?::timestamptz as published_at,
                         ?::text as headline, ?::text as standfirst, ?::text as body_text, ?::regconfig as cfg) as v
            on conflict (id) do update set path = excluded.path, section = excluded.section,
                published_at = excluded.published_at, headline = excluded.headline, standfirst = excluded.standfirst,
                body_text = excluded.body_text, document = excluded.document
            """,
            article.Id, article.Path, article.Section, a.PublishedAt.ToUniversalTime(), a.Headline, a.Standfirst,
            ArticleBody.ToPlainText(a.Body), configuration);
    }

    public void StageClear(IDocumentOperations session) => session.QueueSqlCommand($"delete from {Table}");
}
