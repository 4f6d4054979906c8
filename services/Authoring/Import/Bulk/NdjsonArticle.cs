using System.Text;
using System.Text.Json;

namespace NewsPlatform.Authoring.Import.Bulk;

/// <summary>
/// One line of an NDJSON archive: a JSON object with the seed format's fields, turned into the seed text it
/// stands for, so both formats go through one parser, one set of rules and one article id.
/// <code>
/// {"headline": "…", "authors": ["Camilla Jessen"], "published": "Jan.14 - 2025 1:36 PM CET", "section": "News",
///  "photoCredit": "Stefan Bruder / Shutterstock.com", "lead": "…", "body": ["paragraph", "Sub-heading", "paragraph"]}
/// </code>
/// <c>photoCredit</c> is optional; <c>body</c> is an array of blocks or one string with blocks on separate lines.
/// </summary>
public static class NdjsonArticle
{
    public const string Headline = "headline";
    public const string Authors = "authors";
    public const string Published = "published";
    public const string Section = "section";
    public const string PhotoCredit = "photoCredit";
    public const string Lead = "lead";
    public const string Body = "body";

    /// <summary>The seed text of one NDJSON line, or why the line is not an article object.</summary>
    public static (string? Text, string? Problem) ToSeedText(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return (null, $"not a JSON object ({e.Message.Split(" Path:")[0].TrimEnd('.')})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, $"expected a JSON object; found a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
            var text = new StringBuilder();
            if (Line(root, Headline, text, "") is { } p0) return (null, p0);
            var (names, authorsProblem) = ReadAuthors(root);
            if (authorsProblem is not null) return (null, authorsProblem);
            text.Append("Written by ").Append(Byline(names!)).Append('\n');
            if (Line(root, Published, text, "") is { } p1) return (null, p1);
            if (Line(root, Section, text, "") is { } p2) return (null, p2);
            if (root.TryGetProperty(PhotoCredit, out var credit) && credit.ValueKind != JsonValueKind.Null)
            {
                if (Line(root, PhotoCredit, text, "Photo: ") is { } p3) return (null, p3);
            }
            if (Line(root, Lead, text, "") is { } p4) return (null, p4);
            if (BodyBlocks(root, text) is { } p5) return (null, p5);
            return (text.ToString(), null);
        }
    }

    /// <summary>
    /// The field a line of <see cref="ToSeedText"/>'s text came from, so that a parse error names the JSON field
    /// (the NDJSON line itself is the error's line).
    /// </summary>
    public static string FieldOf(int textLine, bool hasPhotoCredit) => textLine switch
    {
        1 => Headline,
        2 => Authors,
        3 => Published,
        4 => Section,
        5 when hasPhotoCredit => PhotoCredit,
        _ when textLine == (hasPhotoCredit ? 6 : 5) => Lead,
        _ => Body,
    };

    private static string? Line(JsonElement root, string field, StringBuilder text, string prefix)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return $"the field \"{field}\" is missing";
        if (value.ValueKind != JsonValueKind.String) return $"the field \"{field}\" must be a string";
        var line = value.GetString()!;
        if (string.IsNullOrWhiteSpace(line)) return $"the field \"{field}\" is empty";
        if (line.Contains('\n') || line.Contains('\r')) return $"the field \"{field}\" must be one line";
        text.Append(prefix).Append(line).Append('\n');
        return null;
    }

    private static (IReadOnlyList<string>? Names, string? Problem) ReadAuthors(JsonElement root)
    {
        if (!root.TryGetProperty(Authors, out var value) || value.ValueKind == JsonValueKind.Null)
            return (null, $"the field \"{Authors}\" is missing");
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
            || value.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(a.GetString()) || a.GetString()!.Contains('\n')))
            return (null, $"the field \"{Authors}\" must be an array of one or more names");
        return (value.EnumerateArray().Select(a => a.GetString()!).ToList(), null);
    }

    // The byline as the seed format prints it: "A", "A and B", "A, B and C".
    private static string Byline(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    private static string? BodyBlocks(JsonElement root, StringBuilder text)
    {
        if (!root.TryGetProperty(Body, out var value) || value.ValueKind == JsonValueKind.Null)
            return $"the field \"{Body}\" is missing";
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text.Append(value.GetString()).Append('\n');
                return null;
            case JsonValueKind.Array when value.EnumerateArray().All(b => b.ValueKind == JsonValueKind.String):
                foreach (var block in value.EnumerateArray()) text.Append(block.GetString()).Append('\n');
                return null;
            default:
                return $"the field \"{Body}\" must be a string or an array of strings";
        }
    }
}
