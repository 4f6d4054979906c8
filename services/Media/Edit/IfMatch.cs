using Microsoft.Extensions.Primitives;

namespace NewsPlatform.Media.Edit;

/// <summary>Reads an <c>If-Match</c> carrying a stream version, as the ETag of the asset gives it.</summary>
public static class IfMatch
{
    /// <summary>False when present but not a quoted version; <paramref name="version"/> is null when absent.</summary>
    public static bool TryParse(StringValues header, out long? version)
    {
        version = null;
        if (StringValues.IsNullOrEmpty(header)) return true;
        var value = header.ToString().Trim();
        if (value.Length < 3 || value[0] != '"' || value[^1] != '"') return false;
        if (!long.TryParse(value.AsSpan(1, value.Length - 2), out var parsed) || parsed < 1) return false;
        version = parsed;
        return true;
    }
}
