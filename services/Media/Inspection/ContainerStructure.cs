using System.Buffers.Binary;
using static System.FormattableString;

namespace NewsPlatform.Media.Inspection;

/// <summary>
/// Walks the container of a JPEG, PNG or WebP without decoding pixels, to find a file that ends too
/// early (truncated) or carries something after the image ends (a ZIP, a page or a video appended to
/// a valid image is the classic polyglot). Returns null when the structure is sound.
/// </summary>
public static class ContainerStructure
{
    static ReadOnlySpan<byte> StartOfImage => [0xFF, 0xD8, 0xFF];

    public static UploadRefusal? Check(ImageFormat format, ReadOnlySpan<byte> bytes) => format switch
    {
        ImageFormat.Jpeg => CheckJpeg(bytes),
        ImageFormat.Png => CheckPng(bytes),
        _ => CheckWebP(bytes),
    };

    static UploadRefusal Truncated(string format) => UploadRefusal.Damaged(
        $"The {format} ends before the image does: the file is truncated (an interrupted download or copy). Upload the complete file.",
        "truncated");

    static UploadRefusal Broken(string format, string what) => UploadRefusal.Damaged(
        $"The {format} structure is broken: {what}.", "broken-structure");

    static UploadRefusal Trailing(string format, long count) => UploadRefusal.NotAnImage(
        Invariant($"The file carries {count:N0} bytes after the end of the {format} image (for example an archive, a web page or a ") +
        "motion-photo video appended to it). Such polyglot files are refused; export the photo again as a plain image.",
        "trailing-data");

    static UploadRefusal? CheckJpeg(ReadOnlySpan<byte> bytes)
    {
        var end = JpegEnd(bytes, out var problem);
        if (problem is not null) return problem;
        // Phones store extra pictures (MPF previews, depth maps) as whole JPEGs after the first one;
        // accept those and zero padding, nothing else.
        for (var extra = 0; end < bytes.Length && extra < 8; extra++)
        {
            var rest = bytes[end..];
            if (!rest.StartsWith(StartOfImage)) break;
            var next = JpegEnd(rest, out problem);
            if (problem is not null) return Trailing("JPEG", rest.Length);
            end += next;
        }
        return bytes[end..].ContainsAnyExcept((byte)0) ? Trailing("JPEG", bytes.Length - end) : null;
    }

    /// <summary>Offset just after the End-Of-Image marker of the JPEG starting at 0.</summary>
    static int JpegEnd(ReadOnlySpan<byte> b, out UploadRefusal? problem)
    {
        problem = null;
        var p = 2; // after SOI
        while (true)
        {
            if (p >= b.Length) { problem = Truncated("JPEG"); return 0; }
            if (b[p] != 0xFF) { problem = Broken("JPEG", Invariant($"expected a segment marker at byte {p:N0}")); return 0; }
            while (p < b.Length && b[p] == 0xFF) p++; // fill bytes
            if (p >= b.Length) { problem = Truncated("JPEG"); return 0; }
            var marker = b[p++];
            if (marker == 0xD9) return p; // EOI
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // markers without a length
            if (p + 2 > b.Length) { problem = Truncated("JPEG"); return 0; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(b[p..]);
            if (length < 2) { problem = Broken("JPEG", Invariant($"a segment at byte {p:N0} has an impossible length")); return 0; }
            if (p + length > b.Length) { problem = Truncated("JPEG"); return 0; }
            p += length;
            if (marker != 0xDA) continue;

            // After Start-Of-Scan comes entropy-coded data up to the next real marker
            // (0xFF00 is an escaped 0xFF, 0xFFD0-D7 are restart markers inside the data).
            while (true)
            {
                var ff = b[p..].IndexOf((byte)0xFF);
                if (ff < 0) { problem = Truncated("JPEG"); return 0; }
                p += ff;
                if (p + 1 >= b.Length) { problem = Truncated("JPEG"); return 0; }
                var next = b[p + 1];
                if (next == 0x00 || next is >= 0xD0 and <= 0xD7) { p += 2; continue; }
                if (next == 0xFF) { p++; continue; }
                break;
            }
        }
    }

    static UploadRefusal? CheckPng(ReadOnlySpan<byte> b)
    {
        var p = 8; // after the signature
        var first = true;
        while (true)
        {
            if (p + 12 > b.Length) return Truncated("PNG");
            var length = BinaryPrimitives.ReadUInt32BigEndian(b[p..]);
            var type = b.Slice(p + 4, 4);
            if (first && !type.SequenceEqual("IHDR"u8)) return Broken("PNG", "the first chunk is not IHDR");
            first = false;
            if (length > int.MaxValue || p + 12L + length > b.Length) return Truncated("PNG");
            p += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8)) break;
        }
        return p < b.Length ? Trailing("PNG", b.Length - p) : null;
    }

    static UploadRefusal? CheckWebP(ReadOnlySpan<byte> b)
    {
        // RIFF header: "RIFF", size of everything after these 8 bytes, "WEBP".
        var size = BinaryPrimitives.ReadUInt32LittleEndian(b[4..]);
        var end = 8L + size;
        if (size < 4) return Broken("WebP", "the RIFF size is impossible");
        if (end > b.Length) return Truncated("WebP");
        var p = 12;
        while (p < end)
        {
            if (p + 8 > end) return Broken("WebP", Invariant($"a chunk header at byte {p:N0} is cut off"));
            var chunk = BinaryPrimitives.ReadUInt32LittleEndian(b[(p + 4)..]);
            var next = p + 8L + chunk + (chunk & 1); // chunks are padded to an even size
            if (next > end) return Truncated("WebP");
            p = (int)next;
        }
        return end < b.Length ? Trailing("WebP", b.Length - end) : null;
    }
}
