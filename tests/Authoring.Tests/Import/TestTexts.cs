using System.Runtime.CompilerServices;

namespace NewsPlatform.Authoring.Tests.Import;

/// <summary>Seed texts kept beside these tests, read byte for byte (no trailing newline, typographic quotes).</summary>
public static class TestTexts
{
    public const string SeedFile = "000_8ba6fd79f43e681d.txt";

    public static string SeedsFolder => Path.Combine(SourceFolder(), "Seeds");

    public static string Seed => File.ReadAllText(Path.Combine(SeedsFolder, SeedFile));

    public static byte[] SeedBytes => File.ReadAllBytes(Path.Combine(SeedsFolder, SeedFile));

    // The texts are source files of this project, found from this file's location at build time.
    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
