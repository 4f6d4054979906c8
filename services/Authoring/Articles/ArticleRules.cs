using NewsPlatform.ServiceDefaults.Newsroom;
using NewsPlatform.ServiceDefaults.Text;
using F = NewsPlatform.Authoring.Articles.ArticleContent.Fields;

namespace NewsPlatform.Authoring.Articles;

/// <summary>
/// What makes article content acceptable: length limits and a configured section always; a
/// headline, a body and at least one author before it can be published. Body is CommonMark,
/// kept exactly as written. No control characters (<see cref="ControlCharacters"/>): none in the
/// single-line fields, only tab and line breaks in the standfirst, the body, notes and reasons.
/// </summary>
public static class ArticleRules
{
    public const int HeadlineMax = 200;
    public const int StandfirstMax = 600;
    public const int BodyMax = 100_000;
    public const int AuthorsMax = 10;
    public const int AuthorMax = 100;
    public const int TagsMax = 20;
    public const int TagMax = 50;
    public const int NoteMax = 2_000;
    public const int ReasonMax = 1_000;

    /// <summary>
    /// Tidies <paramref name="content"/> (trimmed headline and names, the section's configured
    /// name, no duplicate authors or tags) and reports every field that breaks a rule.
    /// </summary>
    public static (ArticleContent Content, Dictionary<string, string[]> Errors) Normalize(ArticleContent content, Sections sections)
    {
        var errors = new Dictionary<string, string[]>();
        var section = sections.Find(content.Section);
        var normalized = content with
        {
            Headline = content.Headline.Trim(),
            Standfirst = content.Standfirst.Trim(),
            Section = section?.Name ?? content.Section,
            Authors = Distinct(content.Authors),
            Tags = Distinct(content.Tags),
        };

        if (normalized.Headline.Length == 0) Add(errors, F.Headline, "A headline is required.");
        if (normalized.Headline.Length > HeadlineMax) Add(errors, F.Headline, $"At most {HeadlineMax} characters.");
        if (normalized.Standfirst.Length > StandfirstMax) Add(errors, F.Standfirst, $"At most {StandfirstMax} characters.");
        if (normalized.Body.Length > BodyMax) Add(errors, F.Body, $"At most {BodyMax} characters.");
        if (string.IsNullOrWhiteSpace(content.Section))
            Add(errors, F.Section, $"A section is required; use one of {sections.Describe()}.");
        else if (section is null)
            Add(errors, F.Section, $"'{content.Section}' is not a section of this newsroom; use one of {sections.Describe()}.");
        if (normalized.Authors.Count > AuthorsMax) Add(errors, F.Authors, $"At most {AuthorsMax} authors.");
        if (normalized.Authors.Any(a => a.Length > AuthorMax)) Add(errors, F.Authors, $"An author's name has at most {AuthorMax} characters.");
        if (normalized.Tags.Count > TagsMax) Add(errors, F.Tags, $"At most {TagsMax} tags.");
        if (normalized.Tags.Any(t => t.Length > TagMax)) Add(errors, F.Tags, $"A tag has at most {TagMax} characters.");
        if (normalized.HeroMediaId == Guid.Empty) Add(errors, F.HeroMediaId, "Not a media id.");
        if (ControlCharacters.CheckSingleLine(content.Headline) is { } headline) Add(errors, F.Headline, headline);
        if (ControlCharacters.CheckMultiLine(content.Standfirst) is { } standfirst) Add(errors, F.Standfirst, standfirst);
        if (ControlCharacters.CheckMultiLine(content.Body) is { } body) Add(errors, F.Body, body);
        if (ControlCharacters.CheckSingleLine(content.Section) is { } sectionText) Add(errors, F.Section, sectionText);
        if (content.Authors.Select(ControlCharacters.CheckSingleLine).FirstOrDefault(e => e is not null) is { } author)
            Add(errors, F.Authors, author);
        if (content.Tags.Select(ControlCharacters.CheckSingleLine).FirstOrDefault(e => e is not null) is { } tag)
            Add(errors, F.Tags, tag);
        return (normalized, errors);
    }

    /// <summary>What is still missing before readers may see the article (empty when it is ready).</summary>
    public static Dictionary<string, string[]> MissingForPublication(ArticleContent content)
    {
        var missing = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(content.Headline)) Add(missing, F.Headline, "A headline is required to publish.");
        if (string.IsNullOrWhiteSpace(content.Body)) Add(missing, F.Body, "A body is required to publish.");
        if (string.IsNullOrWhiteSpace(content.Section)) Add(missing, F.Section, "A section is required to publish.");
        if (content.Authors.Count == 0) Add(missing, F.Authors, "At least one author is required to publish.");
        return missing;
    }

    /// <summary>A free-text note or reason: required, and not a novel.</summary>
    public static string? CheckText(string? text, int max, string what) =>
        string.IsNullOrWhiteSpace(text) ? $"A {what} is required."
        : text.Trim().Length > max ? $"The {what} has at most {max} characters."
        : ControlCharacters.CheckMultiLine(text) is { } error ? $"The {what} is not valid: {error}"
        : null;

    public static Decision? RefuseUnpublishable(ArticleContent content, string action)
    {
        var missing = MissingForPublication(content);
        return missing.Count == 0
            ? null
            : Decision.NotAllowed($"The article cannot be {action} yet: {string.Join(" ", missing.Values.SelectMany(v => v))}", missing);
    }

    static List<string> Distinct(IEnumerable<string> values) =>
        values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    static void Add(Dictionary<string, string[]> errors, string field, string error) =>
        errors[field] = errors.TryGetValue(field, out var existing) ? [.. existing, error] : [error];
}
