namespace NewsPlatform.ServiceDefaults.Security;

/// <summary>
/// Refuses a configured secret that anyone could know: a value copied unchanged from an example file, an
/// obvious word, or a key with too little in it to guess against. The message says how to make a good one.
/// </summary>
public static class SecretStrength
{
    /// <summary>The bits a signing key must carry at least, estimated as length × log2(distinct characters).</summary>
    public const int MinimumKeyBits = 128;
    public const int MinimumKeyLength = 32;
    public const string HowToMakeOne = "Generate one with `openssl rand -hex 32`.";

    // Words that only a placeholder contains; the values in .env.example and secrets.env.example start with the first.
    static readonly string[] PlaceholderWords =
        ["replace-with", "replace_with", "replaceme", "replace-me", "changeme", "change-me", "change_me", "placeholder", "your-secret", "example"];

    static readonly HashSet<string> ObviousValues = new(StringComparer.OrdinalIgnoreCase)
        { "secret", "password", "passw0rd", "admin", "administrator", "letmein", "default", "test", "qwerty", "12345678" };

    /// <summary>Why <paramref name="value"/> is a known placeholder or obvious value, or null if it is neither.</summary>
    public static string? WhyPlaceholder(string value)
    {
        var lower = value.Trim().ToLowerInvariant();
        if (ObviousValues.Contains(lower)) return "it is a well-known value";
        return PlaceholderWords.FirstOrDefault(lower.Contains) is { } word
            ? $"it is a placeholder (it contains '{word}'), as copied from an example file"
            : null;
    }

    /// <summary>Why <paramref name="key"/> cannot sign tokens, or null if it can.</summary>
    public static string? WhyWeakKey(string key)
    {
        if (WhyPlaceholder(key) is { } placeholder) return placeholder;
        if (key.Length < MinimumKeyLength) return $"it has {key.Length} characters; at least {MinimumKeyLength} are needed";
        var bits = EstimatedBits(key);
        return bits < MinimumKeyBits
            ? $"it carries about {bits:0} bits (too few different characters); at least {MinimumKeyBits} are needed"
            : null;
    }

    /// <summary>length × log2(distinct characters): generous for random keys, low for repeated patterns.</summary>
    public static double EstimatedBits(string key)
    {
        var distinct = key.Distinct().Count();
        return distinct <= 1 ? 0 : key.Length * Math.Log2(distinct);
    }
}
