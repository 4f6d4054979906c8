using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NewsPlatform.Media.Tests.Images;

/// <summary>An upload an attacker (or a broken client) would try, and what Media must answer.</summary>
public sealed record MaliciousUpload(string Name, string FileName, string DeclaredType, byte[] Bytes, int Status, string DetailContains)
{
    public override string ToString() => Name;
}

/// <summary>
/// The files image handling gets attacked with, built here byte by byte. Each claims to be an image
/// by name and declared content type; only the bytes tell the truth.
/// </summary>
public static class MaliciousCorpus
{
    public static IReadOnlyList<MaliciousUpload> All { get; } = Build();

    public static MaliciousUpload Named(string name) => All.Single(u => u.Name == name);

    static List<MaliciousUpload> Build()
    {
        var jpeg = TestImages.Jpeg(400, 300);
        var png = TestImages.Png(400, 300);
        return
        [
            new("wrong magic bytes", "photo.jpg", "image/jpeg", [0x00, 0x11, .. jpeg.AsSpan(2)], 415, "not a JPEG, PNG or WebP image"),
            new("truncated JPEG", "photo.jpg", "image/jpeg", jpeg[..(jpeg.Length * 3 / 5)], 400, "truncated"),
            new("truncated PNG", "photo.png", "image/png", png[..(png.Length / 2)], 400, "truncated"),
            new("PNG claiming 100000x100000", "bomb.png", "image/png", PixelBombPng(100_000, 100_000), 400, "100,000 × 100,000 pixels"),
            new("HTML named .jpg", "photo.jpg", "image/jpeg",
                Encoding.UTF8.GetBytes("<!DOCTYPE html>\n<html><body><script>fetch('/api/auth/me')</script></body></html>"), 415, "HTML document"),
            new("SVG with script", "logo.svg.png", "image/png",
                Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(document.cookie)</script></svg>"),
                415, "SVG document"),
            new("JPEG/HTML polyglot", "photo.jpg", "image/jpeg", JpegWithComment(jpeg, "<html><body><script>alert(1)</script></body></html>"), 415, "polyglot"),
            new("HTML appended to a JPEG", "photo.jpg", "image/jpeg", [.. jpeg, .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")], 415, "after the end of the JPEG"),
            new("zip renamed .png", "archive.png", "image/png", Zip(), 415, "ZIP archive"),
            new("zip appended to a PNG", "photo.png", "image/png", [.. png, .. Zip()], 415, "after the end of the PNG"),
            new("GIF", "animation.gif", "image/gif", [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B], 415, "GIF is not accepted"),
            new("empty file", "photo.jpg", "image/jpeg", [], 400, "empty"),
        ];
    }

    /// <summary>
    /// A 100 × 100 PNG whose chunks and CRCs are all valid but whose IDAT is not zlib data: the
    /// header and structure pass inspection, the pixels do not decode.
    /// </summary>
    public static byte[] UndecodablePng()
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, 100);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 100);
        ihdr[8] = 8; ihdr[9] = 6;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", [.. Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11))]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>
    /// A structurally complete PNG (IHDR, a tiny IDAT, IEND, every CRC valid) whose header claims
    /// <paramref name="width"/> × <paramref name="height"/> RGBA pixels — 40 GB if anyone decoded it.
    /// </summary>
    public static byte[] PixelBombPng(int width, int height)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA, deflate, no filter, no interlace
        using var deflated = new MemoryStream();
        using (var z = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[1024]);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    /// <summary>CRC-32 (IEEE) as PNG chunks use it.</summary>
    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A valid JPEG with a COM segment holding <paramref name="comment"/> right after SOI.</summary>
    public static byte[] JpegWithComment(byte[] jpeg, string comment)
    {
        var text = Encoding.UTF8.GetBytes(comment);
        var segment = new byte[4 + text.Length];
        segment[0] = 0xFF; segment[1] = 0xFE;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(text.Length + 2));
        text.CopyTo(segment, 4);
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }

    static byte[] Zip()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("index.html").Open());
            entry.Write("<html><script>alert(1)</script></html>");
        }
        return buffer.ToArray();
    }
}
