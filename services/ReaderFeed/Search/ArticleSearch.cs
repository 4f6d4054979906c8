using System.Net;
using System.Text.RegularExpressions;
using Ganss.Xss;
using Npgsql;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>One search result: its score and highlighted fragments as safe HTML (only <c>mark</c> elements).</summary>
public sealed record SearchHit(Guid Id, double Score, string HeadlineHtml, string SnippetHtml);

/// <summary>
/// A page of results. <paramref name="Matches"/> counts the candidates the results were ranked from; when
/// <paramref name="MoreMatches"/>, more articles match than that and only the newest of them were ranked.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, bool HasMore, int Matches, bool MoreMatches, DateTimeOffset AsOf)
{
    public SearchCursor? NextCursor => HasMore ? new SearchCursor(AsOf, Hits[^1].Score, Hits[^1].Id) : null;
}

/// <summary>What a query asks for, before searching: whether it has any word to search for, and a spelling suggestion.</summary>
public sealed record QueryAdvice(bool HasSearchableWords, string? DidYouMean);

/// <summary>
/// PostgreSQL full-text search over the <see cref="SearchIndex"/>: <c>websearch_to_tsquery</c> (quotes, OR,
/// -word). The RUM index hands over the newest <see cref="Candidates"/> matches in publication order, so a word
/// in every tenth article costs the same as a rare one; those are scored by <c>ts_rank</c> (headline over byline,
/// tags and standfirst over body), divided by one plus the article's age in <see cref="RecencyDays"/> — a
/// month-old article needs twice the relevance of today's (one dated later than the search counts as today's).
/// Age is measured from the search's own moment (<c>asOf</c>: the database's clock at the first page, carried by
/// every later one), and only articles indexed by then take part, so the order of one search does not change while
/// it is paged through, however late an article's event arrives. A live article is found whatever its date, as
/// the site lists it. Fragments come from <c>ts_headline</c> for the page's results only.
/// </summary>
public sealed class ArticleSearch(NpgsqlDataSource dataSource, SearchIndex index, TimeProvider clock)
{
    public const int MaxQueryLength = 200;
    public const double RecencyDays = 30;

    /// <summary>How many of the newest matches are ranked; more would make common words cost more.</summary>
    public int Candidates { get; init; } = 1000;

    // ts_headline marks matches with these control characters (removed from the text first); the text is
    // HTML-encoded and only then are they turned into <mark>, so nothing from an article can become markup.
    const char Start = '\u0002', Stop = '\u0003';

    static readonly HtmlSanitizer MarkOnly = new(new HtmlSanitizerOptions
    {
        AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "mark" },
        AllowedAttributes = new HashSet<string>(),
        AllowedSchemes = new HashSet<string>(),
        UriAttributes = new HashSet<string>(),
        AllowedCssProperties = new HashSet<string>(),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        AllowedClasses = new HashSet<string>(),
    });

    /// <summary>
    /// One page of the results of <paramref name="query"/> as of <paramref name="asOf"/> (now when null or later):
    /// after <paramref name="after"/> if given, else skipping <paramref name="offset"/> results.
    /// </summary>
    public async Task<SearchResults> SearchAsync(string query, DateTimeOffset? asOf, int limit, CancellationToken cancellationToken,
        int offset = 0, SearchCursor? after = null)
    {
        asOf = after?.AsOf ?? asOf;
        await using var command = dataSource.CreateCommand(
            $"""
            with q as (select websearch_to_tsquery(@cfg::regconfig, @q) as q,
                              least(@asof, date_trunc('milliseconds', statement_timestamp())) as asof),
            candidates as (
                select s.id, s.published_at, s.document from {index.Table} s, q
                where s.document @@ q.q and s.indexed_at <= q.asof
                order by s.published_at <=> q.asof
                limit @candidates),
            scored as (
                select c.id, ts_rank(c.document, q.q) / (1 + greatest(0, extract(epoch from q.asof - c.published_at)) / @recency) as score
                from candidates c, q),
            page as (
                select id, score from scored
                where not @paged or (score, id) < (@score, @id)
                order by score desc, id desc
                offset @offset limit @limit)
            select p.id, p.score,
                   ts_headline(@cfg::regconfig, translate(s.headline, @marks, ''), q.q, @whole) as headline,
                   ts_headline(@cfg::regconfig, translate(s.standfirst || E'\n' || s.body_text, @marks, ''), q.q, @fragments) as snippet,
                   (select count(*) from candidates)::int as matches, q.asof
            from page p join {index.Table} s on s.id = p.id, q
            order by p.score desc, p.id desc
            """);
        command.Parameters.AddWithValue("cfg", index.Configuration);
        command.Parameters.AddWithValue("q", query);
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?>("asof", NpgsqlTypes.NpgsqlDbType.TimestampTz) { TypedValue = asOf?.ToUniversalTime() });
        command.Parameters.AddWithValue("candidates", Candidates);
        command.Parameters.AddWithValue("recency", RecencyDays * 86400);
        command.Parameters.AddWithValue("paged", after is not null);
        command.Parameters.AddWithValue("score", after?.Score ?? 0);
        command.Parameters.AddWithValue("id", after?.Id ?? Guid.Empty);
        command.Parameters.AddWithValue("offset", after is null ? offset : 0);
        command.Parameters.AddWithValue("limit", limit + 1);
        command.Parameters.AddWithValue("marks", $"{Start}{Stop}");
        command.Parameters.AddWithValue("whole", $"HighlightAll=true, StartSel={Start}, StopSel={Stop}");
        command.Parameters.AddWithValue("fragments", $"StartSel={Start}, StopSel={Stop}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");

        var hits = new List<SearchHit>();
        var matches = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new SearchHit(reader.GetGuid(0), reader.GetDouble(1), Highlight(reader.GetString(2)), Highlight(reader.GetString(3))));
            matches = reader.GetInt32(4);
            asOf = reader.GetFieldValue<DateTimeOffset>(5);
        }
        var hasMore = hits.Count > limit;
        if (hasMore) hits.RemoveAt(hits.Count - 1);
        return new SearchResults(hits, hasMore, matches, matches >= Candidates, asOf ?? clock.GetUtcNow());
    }

    /// <summary>
    /// Whether <paramref name="query"/> has a word that is not too common to search for, and — when some of its
    /// words occur in no indexed article — the query with each replaced by the most similar word that does.
    /// </summary>
    public async Task<QueryAdvice> AdviseAsync(string query, CancellationToken cancellationToken)
    {
        var terms = SearchVocabulary.WordsOf(query).Distinct().Take(10).ToArray();
        await using var batch = dataSource.CreateBatch();
        var lexemes = new NpgsqlBatchCommand("select numnode(websearch_to_tsquery($1::regconfig, $2))");
        lexemes.Parameters.Add(new NpgsqlParameter { Value = index.Configuration });
        lexemes.Parameters.Add(new NpgsqlParameter { Value = query });
        batch.BatchCommands.Add(lexemes);
        var similar = new NpgsqlBatchCommand(
            $"""
            select t.term, best.word
            from unnest($1::text[]) as t(term)
            cross join lateral (
                select w.word from {index.WordsTable} w where w.word % t.term
                order by similarity(w.word, t.term) desc, w.word limit 1) best
            where not exists (select 1 from {index.WordsTable} w where w.word = t.term)
            """);
        similar.Parameters.Add(new NpgsqlParameter { Value = terms });
        batch.BatchCommands.Add(similar);

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var searchable = reader.GetInt32(0) > 0;
        await reader.NextResultAsync(cancellationToken);
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) replacements[reader.GetString(0)] = reader.GetString(1);
        return new QueryAdvice(searchable, replacements.Count == 0 ? null : Replace(query, replacements));
    }

    /// <summary>The query with whole words replaced (matched case-insensitively), everything else as typed.</summary>
    internal static string Replace(string query, IReadOnlyDictionary<string, string> replacements) =>
        Regex.Replace(query, @"[\p{L}\p{Nd}]+", m => replacements.GetValueOrDefault(m.Value.ToLowerInvariant(), m.Value));

    /// <summary>Encode everything, then mark the matches; the sanitiser pass guarantees only balanced &lt;mark&gt; remains.</summary>
    internal static string Highlight(string fragment)
    {
        var encoded = WebUtility.HtmlEncode(fragment).Replace(Start.ToString(), "<mark>").Replace(Stop.ToString(), "</mark>");
        return MarkOnly.Sanitize(encoded);
    }
}
