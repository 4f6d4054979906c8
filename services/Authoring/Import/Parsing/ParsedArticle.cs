namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// An article read from a seed text. <see cref="Body"/> is CommonMark; <see cref="SectionLine"/> lets the
/// import point at the line when the section is not one the newsroom has configured.
/// </summary>
public sealed record ParsedArticle(
    string Headline,
    IReadOnlyList<string> Authors,
    DateTimeOffset PublishedAt,
    string Section,
    int SectionLine,
    string? PhotoCredit,
    string Standfirst,
    string Body);

/// <summary>Either the article or the first error; parsing stops at the first line it cannot read.</summary>
public sealed record SeedParseResult(ParsedArticle? Article, SeedParseError? Error)
{
    public bool Succeeded => Article is not null;
}
