using System.Text.RegularExpressions;

namespace NewsPlatform.Authoring.Import.Parsing;

/// <summary>
/// Reads a scraped article in the seed format, line by line: headline; byline; publication time; section;
/// zero or more <c>Photo:</c> lines; the lead; then the body, with the page's "Trending Now" widget dropped
/// wherever it landed. Pure: no I/O, no clock — the newsroom's zone is given.
/// </summary>
public sealed partial class SeedTextParser(TimeZoneInfo newsroomZone)
{
    private const int MaxSectionLength = 40;

    [GeneratedRegex(@"^photo\s*:\s*(?<credit>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PhotoLine();

    [GeneratedRegex(@"^trending\s+now\s*:?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrendingWidget();

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} &'’-]*$")]
    private static partial Regex SectionName();

    public SeedParseResult Parse(string text)
    {
        try
        {
            return new SeedParseResult(Read(text), null);
        }
        catch (SeedFormatException e)
        {
            return new SeedParseResult(null, e.Error);
        }
    }

    private ParsedArticle Read(string text)
    {
        var cursor = new LineCursor(SeedText.Lines(text));

        var headline = cursor.Next("the headline");
        var byline = cursor.Next("the byline \"Written by NAME\"");
        // A text that starts at the byline would otherwise be reported at line 2 with a puzzling finding.
        if (Byline.Matches(headline.Text) && !Byline.Matches(byline.Text))
            throw SeedFormatException.AtText(headline.Number, "the headline before the byline", headline.Text);
        var authors = Byline.Parse(byline);
        var time = cursor.Next($"the publication time like \"{PublishedTime.Example}\"");
        var publishedAt = PublishedTime.Parse(time, newsroomZone);
        var section = ReadSection(cursor.Next("the section (a name such as News)"));
        var (credit, creditLine) = ReadPhotoCredit(cursor);
        var lead = cursor.Next("the lead paragraph");
        var (body, bodyLine) = ReadBody(cursor, lead, credit);

        var lines = new FieldLines(headline.Number, byline.Number, time.Number, section.Number, creditLine, lead.Number, bodyLine);
        return new ParsedArticle(headline.Text, authors, publishedAt, section.Text, credit, lead.Text, body, lines);
    }

    private static SourceLine ReadSection(SourceLine line)
    {
        if (line.Text.Length > MaxSectionLength || !SectionName().IsMatch(line.Text))
            throw SeedFormatException.AtText(line.Number,
                $"the section (a name such as News, at most {MaxSectionLength} letters, digits, spaces or dashes)", line.Text);
        return line;
    }

    // Scraped pages print the credit once per image slot; it is one hero photo, so identical lines are one
    // credit. Two different credits mean two photos, which the format cannot place: refuse rather than guess.
    // The widget may land among these lines too; it is skipped wherever it is.
    private static (string? Credit, int? Line) ReadPhotoCredit(LineCursor cursor)
    {
        string? credit = null;
        int? creditLine = null;
        while (cursor.Peek is { } line)
        {
            if (TrendingWidget().IsMatch(line.Text))
            {
                cursor.Skip();
                continue;
            }
            if (PhotoLine().Match(line.Text) is not { Success: true } photo) break;
            var text = photo.Groups["credit"].Value.Trim();
            if (text.Length == 0)
                throw SeedFormatException.AtText(line.Number, "a credit after \"Photo:\" (e.g. \"Photo: Stefan Bruder / Shutterstock.com\")", line.Text);
            if (credit is null) (credit, creditLine) = (text, line.Number);
            else if (credit != text)
                throw SeedFormatException.AtText(line.Number, $"the same photo credit as line {creditLine} (\"{credit}\"), one hero photo per article", line.Text);
            cursor.Skip();
        }
        return (credit, creditLine);
    }

    // The standfirst is the lead exactly as scraped: it is what listings and the article page show above the
    // body. When the body opens with a longer retelling of the lead, that retelling stays in the body — the
    // newsroom's own fuller version. Only a word-for-word repeat is dropped, so the page does not say it twice.
    private static (string Body, int FirstLine) ReadBody(LineCursor cursor, SourceLine lead, string? credit)
    {
        var blocks = cursor.Rest()
            .Where(line => !TrendingWidget().IsMatch(line.Text))
            .Where(line => !(credit is not null && PhotoLine().Match(line.Text) is { Success: true } photo
                             && photo.Groups["credit"].Value.Trim() == credit))
            .ToList();
        if (blocks.Count == 0)
            throw new SeedFormatException(new SeedParseError(cursor.EndLine, "the article body after the lead paragraph", "the end of the text"));
        if (blocks.Count > 1 && blocks[0].Text == lead.Text) blocks.RemoveAt(0);
        return (string.Join("\n\n", blocks.Select(b => BodyBlock.ToCommonMark(b.Text))), blocks[0].Number);
    }
}
