using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NewsPlatform.Trending.Storage;

/// <summary>
/// Trending's own tables in its schema, created and migrated by Marten with the rest of the store.
/// Plain tables rather than documents: the scoring UPSERT and the ranking queries are set-based SQL.
/// </summary>
public static class TrendingSchema
{
    public const string Articles = "articles";
    public const string ArticleHistory = "article_history";
    public const string Scores = "scores";
    public const string MinuteViews = "minute_views";
    public const string ReaderSalts = "reader_salts";
    public const string ReaderViews = "reader_views";

    public static void Register(StoreOptions options)
    {
        var schema = options.DatabaseSchemaName;
        var objects = options.Storage.ExtendedSchemaObjects;

        // What readers may see: the current public state of each article, newest stream version wins.
        var articles = new Table(Name(schema, Articles));
        articles.AddColumn("article_id", "uuid").AsPrimaryKey();
        articles.AddColumn("stream_version", "bigint").NotNull();
        articles.AddColumn("published", "boolean").NotNull();
        articles.AddColumn("section", "text").NotNull();
        articles.AddColumn("slug", "text").NotNull();
        articles.AddColumn("headline", "text").NotNull();
        articles.AddColumn("url", "text").NotNull();
        articles.AddColumn("published_at", "timestamp with time zone");
        articles.AddColumn("changed_at", "timestamp with time zone").NotNull();
        articles.Indexes.Add(new IndexDefinition($"ix_{Articles}_changed_at") { Columns = ["changed_at"] });
        objects.Add(articles);

        // Whether (and in which section) each article was live at any past instant, for replay.
        var history = new Table(Name(schema, ArticleHistory));
        history.AddColumn("article_id", "uuid").AsPrimaryKey();
        history.AddColumn("stream_version", "bigint").AsPrimaryKey();
        history.AddColumn("occurred_at", "timestamp with time zone").NotNull();
        history.AddColumn("published", "boolean").NotNull();
        history.AddColumn("section", "text").NotNull();
        objects.Add(history);

        // The decayed score: `score` is valid at `scored_at`; later it is score · 2^(−Δt/H).
        var scores = new Table(Name(schema, Scores));
        scores.AddColumn("article_id", "uuid").AsPrimaryKey();
        scores.AddColumn("score", "double precision").NotNull();
        scores.AddColumn("scored_at", "timestamp with time zone").NotNull();
        scores.AddColumn("last_view_at", "timestamp with time zone").NotNull();
        scores.AddColumn("views", "bigint").NotNull();
        objects.Add(scores);

        // Views per article and minute: the raw material of replay.
        var minutes = new Table(Name(schema, MinuteViews));
        minutes.AddColumn("article_id", "uuid").AsPrimaryKey();
        minutes.AddColumn("minute", "timestamp with time zone").AsPrimaryKey();
        minutes.AddColumn("views", "bigint").NotNull();
        minutes.Indexes.Add(new IndexDefinition($"ix_{MinuteViews}_minute") { Columns = ["minute"] });
        objects.Add(minutes);

        // One random salt per UTC day for hashing reader addresses; old days are deleted.
        var salts = new Table(Name(schema, ReaderSalts));
        salts.AddColumn("day", "date").AsPrimaryKey();
        salts.AddColumn("salt", "bytea").NotNull();
        objects.Add(salts);

        // Which reader (cookie or keyed address hash, never an address) last counted a view of which article:
        // the repeat rule across every node. Rows older than the repeat window are pruned.
        var readers = new Table(Name(schema, ReaderViews));
        readers.AddColumn("reader_id", "uuid").AsPrimaryKey();
        readers.AddColumn("article_id", "uuid").AsPrimaryKey();
        readers.AddColumn("counted_at", "timestamp with time zone").NotNull();
        readers.Indexes.Add(new IndexDefinition($"ix_{ReaderViews}_counted_at") { Columns = ["counted_at"] });
        objects.Add(readers);
    }

    static PostgresqlObjectName Name(string schema, string table) => new(schema, table, SchemaUtils.IdentifierUsage.General);
}
