using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace NewsPlatform.Authoring.Import.Bulk;

public enum ArchiveFormat
{
    /// <summary>A folder of <c>*.txt</c> texts (and its subfolders).</summary>
    Folder,
    /// <summary>A <c>.zip</c> of <c>*.txt</c> texts.</summary>
    Zip,
    /// <summary>A <c>.tar.gz</c> (or <c>.tgz</c>) of <c>*.txt</c> texts.</summary>
    TarGz,
    /// <summary>One JSON article per line (<see cref="NdjsonArticle"/>).</summary>
    Ndjson,
    /// <summary>One text file.</summary>
    Text,
}

/// <summary>
/// Many articles in one place — a folder, a <c>.zip</c> or <c>.tar.gz</c> of seed texts, or an NDJSON file —
/// read as <see cref="ImportItem"/>s in a fixed order (file names in ordinal order for a folder, the archive's
/// own order, the file's lines), so that position N always means the same article and a batch can resume
/// at the position it stored.
/// </summary>
public sealed class ImportArchive(string path, ArchiveFormat format)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public string Path { get; } = path;
    public ArchiveFormat Format { get; } = format;

    /// <summary>The file name an NDJSON archive's failures name (default: the file's own), e.g. the name it was uploaded under.</summary>
    public string? Name { get; init; }

    /// <summary>The archive at <paramref name="path"/>, its format told by what it is: a folder or the file's extension.</summary>
    public static ImportArchive? Open(string path)
    {
        if (Directory.Exists(path)) return new(path, ArchiveFormat.Folder);
        return FormatOfName(path) is { } format ? new(path, format) : null;
    }

    /// <summary>A single text file, as a batch of one.</summary>
    public static ImportArchive OneText(string path) => new(path, ArchiveFormat.Text);

    public static ArchiveFormat? FormatOfName(string name) => name.ToLowerInvariant() switch
    {
        var n when n.EndsWith(".zip", StringComparison.Ordinal) => ArchiveFormat.Zip,
        var n when n.EndsWith(".tar.gz", StringComparison.Ordinal) || n.EndsWith(".tgz", StringComparison.Ordinal) => ArchiveFormat.TarGz,
        var n when n.EndsWith(".ndjson", StringComparison.Ordinal) || n.EndsWith(".jsonl", StringComparison.Ordinal) => ArchiveFormat.Ndjson,
        _ => null,
    };

    /// <summary>How many articles it holds (a first pass that reads names and lines, not texts).</summary>
    public int Count()
    {
        switch (Format)
        {
            case ArchiveFormat.Folder:
                return FolderFiles().Count();
            case ArchiveFormat.Text:
                return 1;
            case ArchiveFormat.Zip:
                using (var zip = ZipFile.OpenRead(Path)) return zip.Entries.Count(e => IsText(e.FullName));
            case ArchiveFormat.TarGz:
                return TarTexts().Count();
            default:
                return File.ReadLines(Path, StrictUtf8).Count(l => !string.IsNullOrWhiteSpace(l));
        }
    }

    /// <summary>The articles from position <paramref name="skip"/> on (the first is position 0).</summary>
    public IEnumerable<ImportItem> Items(int skip = 0) => Format switch
    {
        ArchiveFormat.Folder => FolderItems(skip),
        ArchiveFormat.Zip => ZipItems(skip),
        ArchiveFormat.TarGz => TarItems(skip),
        ArchiveFormat.Text => skip == 0 ? [ReadFile(System.IO.Path.GetFileName(Path), Path)] : [],
        _ => NdjsonItems(skip),
    };

    private IEnumerable<string> FolderFiles() =>
        Directory.EnumerateFiles(Path, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    private IEnumerable<ImportItem> FolderItems(int skip)
    {
        foreach (var file in FolderFiles().Skip(skip))
            yield return ReadFile(System.IO.Path.GetRelativePath(Path, file), file);
    }

    private static ImportItem ReadFile(string name, string file)
    {
        try
        {
            return Text(name, File.ReadAllBytes(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ImportItem(name, 1, null, $"cannot read it ({e.Message})");
        }
    }

    private IEnumerable<ImportItem> ZipItems(int skip)
    {
        using var zip = ZipFile.OpenRead(Path);
        foreach (var entry in zip.Entries.Where(e => IsText(e.FullName)).Skip(skip))
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            yield return Text(entry.FullName, buffer.ToArray());
        }
    }

    // Tar has no index: the entries are read in order, the skipped ones without reading their data.
    private IEnumerable<ImportItem> TarItems(int skip)
    {
        foreach (var entry in TarTexts().Skip(skip))
        {
            using var buffer = new MemoryStream();
            entry.DataStream?.CopyTo(buffer);
            yield return Text(entry.Name, buffer.ToArray());
        }
    }

    private IEnumerable<TarEntry> TarTexts()
    {
        using var file = File.OpenRead(Path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && IsText(entry.Name))
                yield return entry;
        }
    }

    private IEnumerable<ImportItem> NdjsonItems(int skip)
    {
        var name = Name ?? System.IO.Path.GetFileName(Path);
        var number = 0;
        var position = 0;
        foreach (var line in File.ReadLines(Path, StrictUtf8))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || position++ < skip) continue;
            var (text, problem) = NdjsonArticle.ToSeedText(line);
            yield return new ImportItem(name, number, text, problem) { Json = true };
        }
    }

    private static bool IsText(string name) => name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    private static ImportItem Text(string name, byte[] bytes)
    {
        try
        {
            return new ImportItem(name, 1, StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException e)
        {
            return new ImportItem(name, 1, null, $"byte {e.Index} is not valid UTF-8; save the file as UTF-8");
        }
    }
}

