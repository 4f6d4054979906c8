namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// An article read from a seed text. <see cref="Body"/> is CommonMark; <see cref="Lines"/> lets the import
/// point at the line of a field that a newsroom rule refuses (a section that is not configured, a long headline).
/// </summary>
public sealed record ParsedArticle(
    string Headline,
    IReadOnlyList<string> Authors,
    DateTimeOffset PublishedAt,
    string Section,
    string? PhotoCredit,
    string Standfirst,
    string Body,
    FieldLines Lines);

/// <summary>The line each field was read from (the body's first line for the body).</summary>
public sealed record FieldLines(int Headline, int Byline, int PublishedAt, int Section, int? PhotoCredit, int Standfirst, int Body);

/// <summary>Either the article or the first error; parsing stops at the first line it cannot read.</summary>
public sealed record SeedParseResult(ParsedArticle? Article, SeedParseError? Error)
{
    public bool Succeeded => Article is not null;
}
