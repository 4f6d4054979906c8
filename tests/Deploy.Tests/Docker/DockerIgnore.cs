using System.Text.RegularExpressions;

namespace NewsPlatform.Deploy.Tests.Docker;

/// <summary>The repository's .dockerignore, matched the way Docker does: a path is left out of the build
/// context when it or a folder above it matches a pattern (<c>*</c>, <c>?</c>, <c>**</c>), unless a later
/// <c>!pattern</c> brings it back.</summary>
public sealed class DockerIgnore
{
    readonly List<(Regex Pattern, bool Exclude, string Text)> rules;

    DockerIgnore(IEnumerable<string> lines) =>
        rules = lines.Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.StartsWith('!') ? (ToRegex(l[1..]), false, l) : (ToRegex(l), true, l))
            .ToList();

    public static DockerIgnore Load() => new(File.ReadAllLines(RepositoryRoot.Combine(".dockerignore")));

    public IReadOnlyList<string> Patterns => rules.Select(r => r.Text).ToList();

    /// <summary>The pattern that excludes this repository-relative path, or null if it is sent.</summary>
    public string? ExcludedBy(string relativePath)
    {
        var path = relativePath.Trim('/');
        string? excludedBy = null;
        foreach (var (pattern, exclude, text) in rules)
            if (SelfAndParents(path).Any(p => pattern.IsMatch(p)))
                excludedBy = exclude ? text : null;
        return excludedBy;
    }

    static IEnumerable<string> SelfAndParents(string path)
    {
        for (var p = path; p.Length > 0; p = p.Contains('/') ? p[..p.LastIndexOf('/')] : "")
            yield return p;
    }

    static Regex ToRegex(string pattern)
    {
        var p = pattern.Trim().TrimStart('/').TrimEnd('/');
        var regex = Regex.Escape(p)
            .Replace(@"\*\*/", "(?:.*/)?")
            .Replace(@"/\*\*", "(?:/.*)?")
            .Replace(@"\*\*", ".*")
            .Replace(@"\*", "[^/]*")
            .Replace(@"\?", "[^/]");
        return new Regex("^" + regex + "$");
    }
}
