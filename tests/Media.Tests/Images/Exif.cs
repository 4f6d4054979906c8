using System.Buffers.Binary;

namespace NewsPlatform.Media.Tests.Images;

/// <summary>Writes and finds EXIF in JPEG and WebP bytes, the way a camera or phone stores it.</summary>
public static class Exif
{
    /// <summary>
    /// Inserts an APP1 "Exif" segment right after SOI with IFD0 = { Orientation, GPS pointer } and a
    /// GPS IFD = { LatitudeRef "N", Latitude 55/1 40/1 0/1 } — big-endian TIFF, as many cameras write.
    /// </summary>
    public static byte[] Insert(byte[] jpeg, ushort orientation)
    {
        var tiff = new byte[92];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        // IFD0 at 8: two entries, then the next-IFD offset (0).
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2);
        Entry(tiff, 10, tag: 0x0112, type: 3, count: 1, value: (uint)orientation << 16); // SHORT, left-justified
        Entry(tiff, 22, tag: 0x8825, type: 4, count: 1, value: 38);                      // GPS IFD pointer
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(34), 0);
        // GPS IFD at 38.
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(38), 2);
        Entry(tiff, 40, tag: 0x0001, type: 2, count: 2, value: 0x4E000000);              // "N\0"
        Entry(tiff, 52, tag: 0x0002, type: 5, count: 3, value: 68);                      // 3 RATIONALs at 68
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(64), 0);
        uint[] latitude = [55, 1, 40, 1, 0, 1];
        for (var i = 0; i < latitude.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(68 + i * 4), latitude[i]);

        byte[] header = [.. "Exif\0\0"u8];
        var segmentLength = 2 + header.Length + tiff.Length;
        var app1 = new byte[2 + segmentLength];
        app1[0] = 0xFF; app1[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)segmentLength);
        header.CopyTo(app1, 4);
        tiff.CopyTo(app1, 4 + header.Length);

        return [.. jpeg.AsSpan(0, 2), .. app1, .. jpeg.AsSpan(2)];
    }

    static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
    }

    /// <summary>The JPEG's marker segments before the image data (APPn, COM, DQT, SOF, ...).</summary>
    public static List<(byte Marker, byte[] Payload)> JpegSegments(byte[] jpeg)
    {
        var segments = new List<(byte, byte[])>();
        var p = 2;
        while (p + 4 <= jpeg.Length && jpeg[p] == 0xFF)
        {
            var marker = jpeg[p + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(p + 2));
            segments.Add((marker, jpeg.AsSpan(p + 4, length - 2).ToArray()));
            if (marker == 0xDA) break; // start of scan: image data follows
            p += 2 + length;
        }
        return segments;
    }

    /// <summary>The RIFF chunk ids of a WebP (VP8, VP8L, VP8X, ALPH, EXIF, XMP , ICCP, ...).</summary>
    public static List<string> WebPChunks(byte[] webp)
    {
        var chunks = new List<string>();
        var p = 12;
        while (p + 8 <= webp.Length)
        {
            chunks.Add(System.Text.Encoding.ASCII.GetString(webp, p, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(p + 4));
            p += 8 + (int)size + (int)(size & 1);
        }
        return chunks;
    }

    /// <summary>True when the bytes hold an EXIF block or XMP packet anywhere (camera data, GPS position).</summary>
    public static bool Carries(byte[] bytes) =>
        bytes.AsSpan().IndexOf("Exif\0\0"u8) >= 0 || bytes.AsSpan().IndexOf("http://ns.adobe.com/xap"u8) >= 0;
}
