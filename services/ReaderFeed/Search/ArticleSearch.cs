using System.Net;
using Ganss.Xss;
using Npgsql;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>One search result: rank and highlighted fragments as safe HTML (only <c>mark</c> elements).</summary>
public sealed record SearchHit(Guid Id, double Rank, string HeadlineHtml, string SnippetHtml);

/// <summary>
/// PostgreSQL full-text search over the <see cref="SearchIndex"/>: <c>websearch_to_tsquery</c> (quotes,
/// OR, -word), ranked by <c>ts_rank</c>, fragments from <c>ts_headline</c>.
/// </summary>
public sealed class ArticleSearch(NpgsqlDataSource dataSource, SearchIndex index)
{
    public const int MaxQueryLength = 200;

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

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select s.id, ts_rank(s.document, q) as rank,
                   ts_headline(@cfg::regconfig, translate(s.headline, @marks, ''), q, @whole) as headline,
                   ts_headline(@cfg::regconfig, translate(s.standfirst || E'\n' || s.body_text, @marks, ''), q, @fragments) as snippet
            from {index.Table} s, websearch_to_tsquery(@cfg::regconfig, @q) q
            where s.document @@ q
            order by rank desc, s.published_at desc, s.id
            limit @limit
            """);
        command.Parameters.AddWithValue("cfg", index.Configuration);
        command.Parameters.AddWithValue("marks", $"{Start}{Stop}");
        command.Parameters.AddWithValue("whole", $"HighlightAll=true, StartSel={Start}, StopSel={Stop}");
        command.Parameters.AddWithValue("fragments", $"StartSel={Start}, StopSel={Stop}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");
        command.Parameters.AddWithValue("q", query);
        command.Parameters.AddWithValue("limit", limit);

        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            hits.Add(new SearchHit(reader.GetGuid(0), reader.GetFloat(1), Highlight(reader.GetString(2)), Highlight(reader.GetString(3))));
        return hits;
    }

    /// <summary>Encode everything, then mark the matches; the sanitiser pass guarantees only balanced &lt;mark&gt; remains.</summary>
    internal static string Highlight(string fragment)
    {
        var encoded = WebUtility.HtmlEncode(fragment).Replace(Start.ToString(), "<mark>").Replace(Stop.ToString(), "</mark>");
        return MarkOnly.Sanitize(encoded);
    }
}
