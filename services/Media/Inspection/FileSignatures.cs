using System.Text;

namespace NewsPlatform.Media.Inspection;

/// <summary>
/// What the first bytes say a file is. The name and the declared content type of an upload are
/// never consulted: a browser or an attacker can set both to anything.
/// </summary>
public static class FileSignatures
{
    static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    static ReadOnlySpan<byte> Gzip => [0x1F, 0x8B];
    static ReadOnlySpan<byte> SevenZip => [0x37, 0x7A, 0xBC, 0xAF];
    static ReadOnlySpan<byte> Elf => [0x7F, 0x45, 0x4C, 0x46];
    static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The accepted format, or null with a description of what the file is instead.</summary>
    public static ImageFormat? Identify(ReadOnlySpan<byte> bytes, out string? otherwise)
    {
        otherwise = null;
        if (bytes.StartsWith(Jpeg)) return ImageFormat.Jpeg;
        if (bytes.StartsWith(Png)) return ImageFormat.Png;
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        otherwise = Describe(bytes);
        return null;
    }

    static string Describe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)) return "a GIF image (GIF is not accepted; export the photo as JPEG)";
        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8) || bytes.StartsWith("PK\x07\x08"u8)) return "a ZIP archive";
        if (bytes.StartsWith("%PDF-"u8)) return "a PDF document";
        if (bytes.StartsWith(Gzip) || bytes.StartsWith(SevenZip) || bytes.StartsWith("Rar!"u8)) return "a compressed archive";
        if (bytes.StartsWith("MZ"u8) || bytes.StartsWith(Elf)) return "a program (executable)";
        if (bytes.StartsWith("BM"u8)) return "a BMP image (export the photo as JPEG or PNG)";
        if (bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8)) return "a TIFF image (export the photo as JPEG)";
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8)) return "a HEIC/AVIF image or a video (export the photo as JPEG)";
        if (bytes.StartsWith("RIFF"u8)) return "a RIFF file that is not WebP (e.g. WAV or AVI)";
        if (Markup(bytes) is { } markup) return markup;
        return "not a JPEG, PNG or WebP image (its first bytes match none of them)";
    }

    /// <summary>Text that starts with a tag: SVG (which can carry script), HTML or other XML.</summary>
    static string? Markup(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith(Utf8Bom) ? 3 : 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (start >= bytes.Length || bytes[start] != '<') return null;
        var head = Encoding.UTF8.GetString(bytes[start..Math.Min(bytes.Length, start + 4096)]).ToLowerInvariant();
        if (head.Contains("<svg")) return "an SVG document (SVG can carry script and is never accepted)";
        if (head.Contains("<html") || head.Contains("<!doctype html") || head.Contains("<script") || head.Contains("<body"))
            return "an HTML document";
        return "an XML or HTML document";
    }
}
