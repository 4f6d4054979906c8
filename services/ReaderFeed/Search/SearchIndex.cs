using System.Security.Cryptography;
using System.Text;
using Marten;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Rendering;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>
/// The full-text index of live articles: one row per article with a weighted tsvector (headline A,
/// standfirst B, body C). The live path keeps it in the same transaction as the article's read model. Each
/// row records a hash of what it was built from, so a rebuild re-indexes only rows whose source differs.
/// </summary>
public sealed class SearchIndex(string schema, string configuration)
{
    public const string TableName = "article_search";

    public string Table => $"{schema}.{TableName}";
    public string Configuration => configuration;

    /// <summary>Below this many rows to index, keeping the GIN index up to date row by row costs less than building it again.</summary>
    internal int BulkRows { get; init; } = 1000;

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
        table.AddColumn<string>("source_hash").NotNull();
        table.AddColumn("document", "tsvector").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_document") { Columns = ["document"], Method = IndexMethod.gin });
        return table;
    }

    /// <summary>Adds, replaces or removes the article's row, as its status says.</summary>
    public void Stage(IDocumentOperations session, ArticleView article)
    {
        if (!article.IsLive)
            session.QueueSqlCommand($"delete from {Table} where id = ?", article.Id);
        else
            session.QueueSqlCommand(UpsertSql(Enumerable.Repeat("?", 9).ToArray()), Parameters([Row.Of(article, SourceHash(article, configuration))]));
    }

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
        var sql = UpsertSql(Enumerable.Range(1, 9).Select(i => "$" + i).ToArray());
        var bulk = changed.Length >= BulkRows && changed.Length * 2 >= live.Count;
        var table = Definition(schema);
        var index = table.Indexes.Single();
        if (bulk)
        {
            await using var drop = dataSource.CreateCommand($"drop index if exists {schema}.{index.Name}");
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
                await using var upsert = dataSource.CreateCommand(sql);
                foreach (var value in Parameters(rows)) upsert.Parameters.Add(new NpgsqlParameter { Value = value });
                await upsert.ExecuteNonQueryAsync(token);
            });
        }
        finally
        {
            if (bulk)
            {
                // Also when the rebuild failed: search must not be left without its index. The same statement
                // Marten's migration issues, so the next start finds nothing to change.
                await using var create = dataSource.CreateCommand(index.ToDDL(table));
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
        rows.Select(r => r.BodyText).ToArray(), rows.Select(r => r.SourceHash).ToArray(), configuration,
    ];

    /// <summary>One statement for any number of rows; <paramref name="p"/> are its nine parameter placeholders.</summary>
    string UpsertSql(string[] p) =>
        $"""
        insert into {Table} (id, path, section, published_at, headline, standfirst, body_text, source_hash, document)
        select v.id, v.path, v.section, v.published_at, v.headline, v.standfirst, v.body_text, v.source_hash,
               setweight(to_tsvector(c.cfg, v.headline), 'A') || setweight(to_tsvector(c.cfg, v.standfirst), 'B')
               || setweight(to_tsvector(c.cfg, v.body_text), 'C')
        from unnest({p[0]}::uuid[], {p[1]}::text[], {p[2]}::text[], {p[3]}::timestamptz[], {p[4]}::text[], {p[5]}::text[],
                    {p[6]}::text[], {p[7]}::text[]) as v(id, path, section, published_at, headline, standfirst, body_text, source_hash),
             (select {p[8]}::regconfig as cfg) as c
        on conflict (id) do update set path = excluded.path, section = excluded.section,
            published_at = excluded.published_at, headline = excluded.headline, standfirst = excluded.standfirst,
            body_text = excluded.body_text, source_hash = excluded.source_hash, document = excluded.document
        """;

    /// <summary>Everything a row is computed from, including the text-search configuration.</summary>
    internal static string SourceHash(ArticleView article, string configuration)
    {
        var a = article.Article!;
        var source = string.Join('\u001f', configuration, article.Id, article.Path, article.Section,
            a.PublishedAt.UtcTicks, a.Headline, a.Standfirst, a.Body);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));
    }

    sealed record Row(Guid Id, string Path, string Section, DateTimeOffset PublishedAt, string Headline, string Standfirst,
        string BodyText, string SourceHash)
    {
        public static Row Of(ArticleView article, string sourceHash)
        {
            var a = article.Article!;
            return new Row(article.Id, article.Path, article.Section, a.PublishedAt.ToUniversalTime(), a.Headline, a.Standfirst,
                ArticleBody.ToPlainText(a.Body), sourceHash);
        }
    }
}
