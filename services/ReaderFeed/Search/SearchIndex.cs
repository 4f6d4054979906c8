using System.Security.Cryptography;
using System.Text;
using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.Rendering;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>
/// The full-text index of live articles: one row per article with a weighted tsvector (headline A; bylines,
/// tags and standfirst B; body C) in a RUM index that keeps each match's publication time beside it, so the
/// newest matches of even a very common word come straight from the index (see <see cref="ArticleSearch"/>).
/// Beside it, the vocabulary: every word of the indexed text once, with a trigram index for "did you mean".
/// The live path keeps both in the same transaction as the article's read model. Each row records a hash of
/// what it was built from, so a rebuild re-indexes only rows whose source differs.
/// </summary>
public sealed class SearchIndex(string schema, string configuration)
{
    public const string TableName = "article_search";
    public const string WordsTableName = "search_words";
    const string DocumentIndexName = $"ix_{TableName}_document";

    public string Table => $"{schema}.{TableName}";
    public string WordsTable => $"{schema}.{WordsTableName}";
    public string Configuration => configuration;

    /// <summary>Below this many rows to index, keeping the GIN index up to date row by row costs less than building it again.</summary>
    internal int BulkRows { get; init; } = 1000;

    /// <summary>
    /// The extensions and tables, created and migrated by Marten with the documents. <c>rum</c> is not a trusted
    /// extension: a superuser creates it once per database (deploy/local/infra.sh does, in <c>template1</c>);
    /// <c>pg_trgm</c> the database owner may create itself.
    /// </summary>
    public static IEnumerable<ISchemaObject> SchemaObjects(string schema) =>
        [new Extension("pg_trgm"), new Extension("rum"), Definition(schema), DocumentIndex(schema), WordsDefinition(schema)];

    /// <summary>
    /// RUM rather than GIN: the posting lists carry published_at, so "newest matches first" is read in order from the
    /// index instead of fetching and sorting every matching row.
    /// </summary>
    public static RumIndex DocumentIndex(string schema) => new(schema, TableName, DocumentIndexName,
        "(document rum_tsvector_addon_ops, published_at) WITH (attach = 'published_at', to = 'document')");

    /// <summary>One row per live article.</summary>
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
        table.AddColumn<string>("authors").NotNull().DefaultValueByString("");
        table.AddColumn<string>("tags").NotNull().DefaultValueByString("");
        table.AddColumn<string>("source_hash").NotNull();
        table.AddColumn("document", "tsvector").NotNull();
        // When the row was first written (an edit keeps it): a search being paged through leaves out rows added since.
        table.AddColumn("indexed_at", "timestamp with time zone").NotNull().DefaultValueByExpression("clock_timestamp()");
        // Created and kept by DocumentIndex: the table's own migration leaves it alone.
        table.IgnoreIndex(DocumentIndexName);
        return table;
    }

    /// <summary>The vocabulary for spelling suggestions: words as written (lower case), not stemmed.</summary>
    public static Table WordsDefinition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, WordsTableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("word").AsPrimaryKey();
        table.Indexes.Add(new IndexDefinition($"ix_{WordsTableName}_trigrams") { Columns = ["word"], Method = IndexMethod.gin, Mask = "? gin_trgm_ops" });
        return table;
    }

    /// <summary>Adds, replaces or removes the article's row, as its status says.</summary>
    public void Stage(IDocumentOperations session, ArticleView article)
    {
        if (!article.IsLive)
            session.QueueSqlCommand($"delete from {Table} where id = ?", article.Id);
        else
        {
            var row = Row.Of(article, SourceHash(article, configuration));
            session.QueueSqlCommand(UpsertSql(Enumerable.Repeat("?", 11).ToArray()), Parameters([row]));
            session.QueueSqlCommand(AddWordsSql("?"), [SearchVocabulary.Sorted(row.Words())]);
        }
    }

    static readonly string[] Placeholders = Enumerable.Range(1, 11).Select(i => "$" + i).ToArray();

    /// <summary>Sorted words, so concurrent writers take the rows' locks in the same order.</summary>
    string AddWordsSql(string words) =>
        $"insert into {WordsTable} (word) select w from unnest({words}::text[]) as w order by w on conflict do nothing";

    /// <summary>
    /// Makes the index match <paramref name="articles"/> for a rebuild: rows of articles no longer live go,
    /// rows whose source changed (or that are missing) are rebuilt — in chunks on parallel connections, since
    /// building tsvectors is most of the work — and identical rows stay as they are. When most rows are written
    /// (a cold rebuild), the GIN index is dropped first and built once at the end, which is cheaper than
    /// maintaining it row by row; searches meanwhile scan the table (the rows are being replaced anyway).
    /// </summary>
    /// <returns>How many rows were rebuilt.</returns>
    public async Task<int> RebuildAsync(NpgsqlDataSource dataSource, IEnumerable<ArticleView> articles, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<Guid, string>();
        await using (var command = dataSource.CreateCommand($"select id, source_hash from {Table}"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken)) existing[reader.GetGuid(0)] = reader.GetString(1);

        var live = articles.Where(a => a.IsLive).ToDictionary(a => a.Id);
        var gone = existing.Keys.Where(id => !live.ContainsKey(id)).ToArray();
        if (gone.Length > 0)
        {
            await using var delete = dataSource.CreateCommand($"delete from {Table} where id = any($1)");
            delete.Parameters.Add(new NpgsqlParameter { Value = gone });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var hashes = new string[live.Count];
        var candidates = live.Values.ToArray();
        Parallel.For(0, candidates.Length, i => hashes[i] = SourceHash(candidates[i], configuration));
        var changed = Enumerable.Range(0, candidates.Length).Where(i => existing.GetValueOrDefault(candidates[i].Id) != hashes[i])
            .Select(i => (Article: candidates[i], Hash: hashes[i])).ToArray();
        var sql = UpsertSql(Placeholders);
        var vocabulary = new SearchVocabulary();
        var bulk = changed.Length >= BulkRows && changed.Length * 2 >= live.Count;
        var index = DocumentIndex(schema);
        if (bulk)
        {
            await using var drop = dataSource.CreateCommand(index.DropSql);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            // A pipeline: while PostgreSQL builds one chunk's tsvectors, another chunk's Markdown becomes plain text here.
            await Parallel.ForEachAsync(changed.Chunk(125), new ParallelOptions
            {
                MaxDegreeOfParallelism = 2 * Math.Max(1, Environment.ProcessorCount),
                CancellationToken = cancellationToken,
            }, async (chunk, token) =>
            {
                var rows = chunk.Select(c => Row.Of(c.Article, c.Hash)).ToArray();
                foreach (var row in rows) vocabulary.Add(row.Words());
                await using var upsert = dataSource.CreateCommand(sql);
                foreach (var value in Parameters(rows)) upsert.Parameters.Add(new NpgsqlParameter { Value = value });
                await upsert.ExecuteNonQueryAsync(token);
            });
            // Words of rows that did not change are there already; words only unpublished articles used may stay.
            await using var words = dataSource.CreateCommand(AddWordsSql("$1"));
            words.Parameters.Add(new NpgsqlParameter { Value = vocabulary.ToSortedArray() });
            await words.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (bulk)
            {
                // Also when the rebuild failed: search must not be left without its index.
                await using var create = dataSource.CreateCommand(index.CreateSql);
                create.CommandTimeout = 0;
                await create.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
        return changed.Length;
    }

    object[] Parameters(IReadOnlyCollection<Row> rows) =>
    [
        rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Path).ToArray(), rows.Select(r => r.Section).ToArray(),
        rows.Select(r => r.PublishedAt).ToArray(), rows.Select(r => r.Headline).ToArray(), rows.Select(r => r.Standfirst).ToArray(),
        rows.Select(r => r.BodyText).ToArray(), rows.Select(r => r.Authors).ToArray(), rows.Select(r => r.Tags).ToArray(),
        rows.Select(r => r.SourceHash).ToArray(), configuration,
    ];

    /// <summary>One statement for any number of rows; <paramref name="p"/> are its eleven parameter placeholders.</summary>
    string UpsertSql(string[] p) =>
        $"""
        insert into {Table} (id, path, section, published_at, headline, standfirst, body_text, authors, tags, source_hash, document)
        select v.id, v.path, v.section, v.published_at, v.headline, v.standfirst, v.body_text, v.authors, v.tags, v.source_hash,
               setweight(to_tsvector(c.cfg, v.headline), 'A')
               || setweight(to_tsvector(c.cfg, v.authors || E'\n' || v.tags || E'\n' || v.standfirst), 'B')
               || setweight(to_tsvector(c.cfg, v.body_text), 'C')
        from unnest({p[0]}::uuid[], {p[1]}::text[], {p[2]}::text[], {p[3]}::timestamptz[], {p[4]}::text[], {p[5]}::text[],
                    {p[6]}::text[], {p[7]}::text[], {p[8]}::text[], {p[9]}::text[])
                 as v(id, path, section, published_at, headline, standfirst, body_text, authors, tags, source_hash),
             (select {p[10]}::regconfig as cfg) as c
        on conflict (id) do update set path = excluded.path, section = excluded.section,
            published_at = excluded.published_at, headline = excluded.headline, standfirst = excluded.standfirst,
            body_text = excluded.body_text, authors = excluded.authors, tags = excluded.tags,
            source_hash = excluded.source_hash, document = excluded.document
        """;

    /// <summary>Everything a row is computed from, including the text-search configuration.</summary>
    internal static string SourceHash(ArticleView article, string configuration)
    {
        var a = article.Article!;
        var source = string.Join('\u001f', configuration, article.Id, article.Path, article.Section,
            a.PublishedAt.UtcTicks, a.Headline, a.Standfirst, a.Body, string.Join('\u001e', a.Authors), string.Join('\u001e', a.Tags));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    sealed record Row(Guid Id, string Path, string Section, DateTimeOffset PublishedAt, string Headline, string Standfirst,
        string BodyText, string Authors, string Tags, string SourceHash)
    {
        public static Row Of(ArticleView article, string sourceHash)
        {
            var a = article.Article!;
            return new Row(article.Id, article.Path, article.Section, a.PublishedAt.ToUniversalTime(), a.Headline, a.Standfirst,
                ArticleBody.ToPlainText(a.Body), string.Join('\n', a.Authors), string.Join('\n', a.Tags), sourceHash);
        }

        public IEnumerable<string> Words() => SearchVocabulary.WordsOf(Headline, Standfirst, BodyText, Authors, Tags);
    }
}
