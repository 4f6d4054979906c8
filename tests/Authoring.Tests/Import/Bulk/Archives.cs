using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace NewsPlatform.Authoring.Tests.Import.Bulk;

/// <summary>Builds the archives a newsroom would upload: a .tar.gz or .zip of named texts, an NDJSON file.</summary>
public static class Archives
{
    public static byte[] TarGz(IEnumerable<(string Name, string Text)> files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
                tar.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }

    public static byte[] Zip(IEnumerable<(string Name, string Text)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in files)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }
        return buffer.ToArray();
    }
}
