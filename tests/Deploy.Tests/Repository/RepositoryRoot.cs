using System.Diagnostics;
using NewsPlatform.TestKit;

namespace NewsPlatform.Deploy.Tests.Repository;

public static class RepositoryRoot
{
    public static string Path => ProjectOutput.RepositoryRoot;

    /// <summary>An absolute path for a repository-relative one written with forward slashes.</summary>
    public static string Combine(string relative) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relative.TrimStart('/')));

    public static string Relative(string absolute) =>
        System.IO.Path.GetRelativePath(Path, absolute).Replace('\\', '/');

    public static string Read(string relative) => File.ReadAllText(Combine(relative));

    /// <summary>True when git would not commit this repository-relative path.</summary>
    public static bool GitIgnores(string relative)
    {
        var start = new ProcessStartInfo("git", ["check-ignore", "-q", "--no-index", relative]) { WorkingDirectory = Path };
        using var git = Process.Start(start)!;
        git.WaitForExit();
        return git.ExitCode == 0;
    }
}
