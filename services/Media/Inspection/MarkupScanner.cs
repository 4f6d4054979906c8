namespace NewsPlatform.Media.Inspection;

/// <summary>
/// Finds HTML or script hidden inside an image (a polyglot: the same bytes are a valid JPEG and a
/// page a browser would run). Only markers long enough not to occur by chance in compressed pixel
/// data are searched: each is a tag name of four or more letters followed by a delimiter, or a
/// <c>javascript:</c> URL — a random 20 MB file matches one with a chance of about one in a hundred thousand.
/// </summary>
public static class MarkupScanner
{
    static readonly byte[][] Tags =
        ["script"u8.ToArray(), "html"u8.ToArray(), "iframe"u8.ToArray(), "body"u8.ToArray(), "object"u8.ToArray(),
         "embed"u8.ToArray(), "?php"u8.ToArray(), "!doctype"u8.ToArray(), "frameset"u8.ToArray(), "template"u8.ToArray()];

    static readonly byte[] JavaScriptUrl = "javascript:"u8.ToArray();

    /// <summary>The first marker found (e.g. <c>&lt;script</c>), or null.</summary>
    public static string? Find(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var hit = bytes[offset..].IndexOfAny((byte)'<', (byte)'j', (byte)'J');
            if (hit < 0) return null;
            var at = offset + hit;
            var rest = bytes[(at + 1)..];
            if (bytes[at] == '<')
            {
                foreach (var tag in Tags)
                    if (StartsWithIgnoreCase(rest, tag) && rest.Length > tag.Length && IsDelimiter(rest[tag.Length]))
                        return "<" + System.Text.Encoding.ASCII.GetString(tag);
            }
            else if (StartsWithIgnoreCase(bytes[at..], JavaScriptUrl))
            {
                return "javascript:";
            }
            offset = at + 1;
        }
        return null;
    }

    static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'>' or (byte)'/' or (byte)'\f';

    static bool StartsWithIgnoreCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerAscii)
    {
        if (bytes.Length < lowerAscii.Length) return false;
        for (var i = 0; i < lowerAscii.Length; i++)
            if ((bytes[i] | 0x20) != lowerAscii[i] && bytes[i] != lowerAscii[i]) return false;
        return true;
    }
}
