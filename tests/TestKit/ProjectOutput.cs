namespace NewsPlatform.TestKit;

/// <summary>Finds built projects of this repository, in the same configuration as the running test.</summary>
public static class ProjectOutput
{
    public static string RepositoryRoot { get; } = FindRoot();

    static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string Assembly(string projectDirectory, string assemblyName)
    {
        var path = Path.Combine(RepositoryRoot, projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built; reference {projectDirectory} from the test project so it builds first.");
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NewsPlatform.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("NewsPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
