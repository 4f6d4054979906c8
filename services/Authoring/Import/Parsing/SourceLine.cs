namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>One non-blank line of a seed text, trimmed, with its 1-based line number in the original file.</summary>
public readonly record struct SourceLine(int Number, string Text);
