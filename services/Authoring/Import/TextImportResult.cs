using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Import.Parsing;

namespace NewsPlatform.Authoring.Import;

public enum TextImportOutcome
{
    /// <summary>A new article was written.</summary>
    Created,
    /// <summary>This text was imported before; the article was left exactly as it is.</summary>
    AlreadyImported,
    /// <summary>The text is not in the seed format (or names a section the newsroom does not have); nothing was written.</summary>
    Unreadable,
    /// <summary>The text was read but a newsroom rule refused the article (e.g. a headline too long); nothing was written.</summary>
    Refused,
}

/// <param name="Article">The article as it now stands (created or found), null when nothing was imported.</param>
/// <param name="ParseError">Why the text could not be read (<see cref="TextImportOutcome.Unreadable"/>).</param>
/// <param name="Errors">Field → messages, each naming the line the field came from (<see cref="TextImportOutcome.Refused"/>).</param>
public sealed record TextImportResult(
    TextImportOutcome Outcome,
    Guid ArticleId,
    Article? Article = null,
    SeedParseError? ParseError = null,
    string? Reason = null,
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Outcome is TextImportOutcome.Created or TextImportOutcome.AlreadyImported;

    /// <summary>One line for a log or a terminal.</summary>
    public string Describe() => Outcome switch
    {
        TextImportOutcome.Created => $"created {Article!.Status.Describe()} article {ArticleId} ({Article.Content.Section}/{Article.Slug})",
        TextImportOutcome.AlreadyImported => $"already imported as article {ArticleId} ({Article?.Status.Describe()})",
        TextImportOutcome.Unreadable => $"error: {ParseError!.Message}",
        _ => "error: " + (Errors is { Count: > 0 } ? string.Join(" ", Errors.Values.SelectMany(v => v)) : Reason),
    };
}
