namespace NewsPlatform.Media.Assets;

/// <summary>What an editor writes about a photo. <see cref="Validate"/> is the one gate for uploads and edits.</summary>
public sealed record MediaMetadata(string Credit, string Caption, string Alt, FocalPoint? FocalPoint)
{
    public const int MaxCreditLength = 300;
    public const int MaxCaptionLength = 2000;
    public const int MaxAltLength = 1000;

    /// <summary>
    /// Trims the texts and checks them: a credit is required (every news photo carries one),
    /// lengths are bounded, no control characters (a caption may have line breaks), and a focal
    /// point lies inside the picture. Errors are keyed by field name, as problem details show them.
    /// </summary>
    public static MetadataValidation Validate(string? credit, string? caption, string? alt, FocalPoint? focalPoint)
    {
        var errors = new Dictionary<string, string[]>();
        var c = Text("credit", credit, MaxCreditLength, multiline: false, errors);
        var cap = Text("caption", caption, MaxCaptionLength, multiline: true, errors);
        var a = Text("alt", alt, MaxAltLength, multiline: false, errors);
        if (c.Length == 0 && !errors.ContainsKey("credit"))
            errors["credit"] = ["A credit is required, e.g. \"Photo: Stefan Bruder / Shutterstock.com\"."];
        if (focalPoint is { } f && !(Inside(f.X) && Inside(f.Y)))
            errors["focalPoint"] = ["The focal point's x and y must each be between 0 and 1 (0,0 is the top-left corner)."];
        return errors.Count > 0 ? new(null, errors) : new(new MediaMetadata(c, cap, a, focalPoint), errors);
    }

    static bool Inside(double v) => double.IsFinite(v) && v is >= 0 and <= 1;

    static string Text(string field, string? value, int max, bool multiline, Dictionary<string, string[]> errors)
    {
        var text = (value ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length > max)
            errors[field] = [$"The {field} is {text.Length} characters long; the limit is {max}."];
        else if (text.Any(ch => char.IsControl(ch) && !(multiline && ch == '\n')))
            errors[field] = [$"The {field} contains control characters{(multiline ? " (only line breaks are allowed)" : "")}."];
        return text;
    }
}

public sealed record MetadataValidation(MediaMetadata? Metadata, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Metadata is not null;
}
