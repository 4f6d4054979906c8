using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Import;

/// <summary>Seed texts kept in this test folder, read byte for byte (no trailing newline, typographic quotes).</summary>
public static class TestTexts
{
    public const string SeedFile = "000_8ba6fd79f43e681d.txt";

    public static string SeedsFolder { get; } =
        Path.Combine(ProjectOutput.RepositoryRoot, "tests", "Authoring.Tests", "Import", "Seeds");

    public static string SeedPath => Path.Combine(SeedsFolder, SeedFile);

    public static string Seed => File.ReadAllText(SeedPath);
}
