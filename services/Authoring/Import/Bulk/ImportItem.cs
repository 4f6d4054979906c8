namespace NewsPlatform.Authoring.Import.Bulk;

/// <summary>
/// One article of an archive: where it came from (<paramref name="File"/>: a path in the folder or the archive,
/// <paramref name="Line"/>: 1 for a text file, the line of an NDJSON file) and its text in the seed format —
/// or, when it could not even be read as one, <paramref name="Problem"/> says why.
/// </summary>
public sealed record ImportItem(string File, int Line, string? Text, string? Problem = null)
{
    /// <summary>The text was made from an NDJSON line (<see cref="NdjsonArticle"/>): errors name the file's line and the field.</summary>
    public bool Json { get; init; }
}
