namespace NewsPlatform.Contracts.Articles;

/// <summary>
/// The public content of a published article, carried whole by every article event so that
/// no consumer ever calls Authoring back. <see cref="Section"/> is the section's URL segment ("news"),
/// so the article's address is <c>/{Section}/{Slug}</c>; display names come from <c>Newsroom:Sections</c>.
/// <see cref="Body"/> is CommonMark as the editor wrote it; the consumer renders and sanitises it.
/// </summary>
public sealed record PublicArticle(
    Guid ArticleId,
    string Section,
    string Slug,
    IReadOnlyList<string> PreviousSlugs,
    string Headline,
    string Standfirst,
    string Body,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Tags,
    Guid? HeroMediaId,
    DateTimeOffset PublishedAt,
    DateTimeOffset? UpdatedAt,
    IReadOnlyList<PublicCorrection> Corrections);

/// <summary>A correction as readers see it.</summary>
public sealed record PublicCorrection(string Note, DateTimeOffset At);
