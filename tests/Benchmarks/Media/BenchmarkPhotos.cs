using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace NewsPlatform.Benchmarks.Media;

/// <summary>Inputs for the media benchmark, generated on the spot.</summary>
public static class BenchmarkPhotos
{
    /// <summary>
    /// A 4000 × 3000 JPEG that compresses like a photo rather than like a flat test card: gradients,
    /// soft shapes and fractal noise for texture, quality 90.
    /// </summary>
    public static byte[] TwelveMegapixelJpeg()
    {
        const int width = 4000, height = 3000;
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height),
                [new SKColor(70, 110, 170), new SKColor(200, 190, 170), new SKColor(60, 70, 50)], SKShaderTileMode.Clamp);
            using var fill = new SKPaint { Shader = sky };
            canvas.DrawRect(0, 0, width, height, fill);

            var random = new Random(12);
            using var shape = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 300; i++)
            {
                shape.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), 90);
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(20, 400), shape);
            }

            using var noise = SKShader.CreatePerlinNoiseFractalNoise(0.02f, 0.02f, 4, 7);
            using var texture = new SKPaint { Shader = noise, BlendMode = SKBlendMode.Overlay };
            canvas.DrawRect(0, 0, width, height, texture);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A structurally valid PNG (every CRC right) whose header claims <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static byte[] PixelBombPng(int width, int height)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; header[9] = 6;
        using var deflated = new MemoryStream();
        using (var z = new ZLibStream(deflated, CompressionLevel.SmallestSize, leaveOpen: true)) z.Write(new byte[1024]);
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", deflated.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        var buffer = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(buffer, 4);
        data.CopyTo(buffer, 8);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(8 + data.Length), Crc32(buffer.AsSpan(4, 4 + data.Length)));
        png.Write(buffer);
    }

    static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
