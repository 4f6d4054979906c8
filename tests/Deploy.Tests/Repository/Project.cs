using System.Xml.Linq;

namespace NewsPlatform.Deploy.Tests.Repository;

/// <summary>A .csproj in the repository: its assembly name and the projects it references.</summary>
public sealed class Project
{
    Project(string csprojPath)
    {
        CsprojPath = RepositoryRoot.Relative(csprojPath);
        Folder = RepositoryRoot.Relative(System.IO.Path.GetDirectoryName(csprojPath)!);
        var xml = XDocument.Load(csprojPath);
        AssemblyName = xml.Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault()
            ?? System.IO.Path.GetFileNameWithoutExtension(csprojPath);
        References = xml.Descendants("ProjectReference")
            .Select(e => System.IO.Path.GetFullPath(System.IO.Path.Combine(
                System.IO.Path.GetDirectoryName(csprojPath)!, e.Attribute("Include")!.Value.Replace('\\', '/'))))
            .Select(path => new Project(path))
            .ToList();
    }

    /// <summary>Repository-relative, forward slashes: <c>services/Authoring/Authoring.csproj</c>.</summary>
    public string CsprojPath { get; }
    public string Folder { get; }
    public string AssemblyName { get; }
    public IReadOnlyList<Project> References { get; }

    /// <summary>This project and everything it references, directly or not.</summary>
    public IReadOnlyList<Project> WithReferences()
    {
        var all = new Dictionary<string, Project>();
        void Visit(Project p)
        {
            if (!all.TryAdd(p.CsprojPath, p)) return;
            foreach (var r in p.References) Visit(r);
        }
        Visit(this);
        return all.Values.ToList();
    }

    public IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(RepositoryRoot.Combine(Folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"));

    public static Project InFolder(string folder)
    {
        var csprojs = Directory.GetFiles(RepositoryRoot.Combine(folder), "*.csproj");
        return csprojs.Length == 1
            ? new Project(csprojs[0])
            : throw new InvalidOperationException($"{folder} should hold exactly one .csproj, found {csprojs.Length}.");
    }

    public static Project At(string csprojRelativePath) => new(RepositoryRoot.Combine(csprojRelativePath));

    public override string ToString() => CsprojPath;
}
