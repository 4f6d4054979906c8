namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>Walks the non-blank lines of a seed text; running out names the line after the last one.</summary>
internal sealed class LineCursor(IReadOnlyList<SourceLine> lines)
{
    private int _index;

    public bool AtEnd => _index >= lines.Count;

    public SourceLine? Peek => AtEnd ? null : lines[_index];

    /// <summary>Where an error about missing text points: just past the last line that has any.</summary>
    public int EndLine => lines.Count == 0 ? 1 : lines[^1].Number + 1;

    public SourceLine Next(string expected) => AtEnd
        ? throw new SeedFormatException(new SeedParseError(EndLine, expected, lines.Count == 0 ? "an empty text" : "the end of the text"))
        : lines[_index++];

    public void Skip() => _index++;

    public IEnumerable<SourceLine> Rest()
    {
        while (!AtEnd) yield return lines[_index++];
    }
}
