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
}
