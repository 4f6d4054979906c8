using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsPlatform.Deploy.Tests.Repository;

/// <summary>
/// What a service's code (its project and every project it references) does with configuration,
/// found by reading its sources and appsettings: which keys it reads, which it refuses to start
/// without (<c>Require</c>/<c>RequireAll</c>, the one way NewsPlatform validates settings), the
/// name it gives the event backbone (its queue prefix) and whether it registers consumers.
/// Keys use the configuration form <c>Section:Key</c>; environment variables map with <c>__</c>.
/// </summary>
public sealed partial class SourceConfiguration
{
    /// <summary>Read by the ASP.NET Core host itself, not by NewsPlatform code.</summary>
    static readonly HashSet<string> HostSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
        // The OpenTelemetry SDK's own: resource attributes added to the service's name and version.
        "OTEL_RESOURCE_ATTRIBUTES",
    };

    readonly HashSet<string> literals = new(StringComparer.OrdinalIgnoreCase);
    readonly HashSet<string> jsonKeys = new(StringComparer.OrdinalIgnoreCase);
    readonly HashSet<string> propertyNames = new(StringComparer.OrdinalIgnoreCase);

    SourceConfiguration(Project project)
    {
        Project = project;
        var projects = project.WithReferences();
        var files = projects.SelectMany(p => p.SourceFiles("*.cs")).Select(f => new SourceFile(f, File.ReadAllText(f))).ToList();
        var constants = Constants.From(files);

        foreach (var file in files)
        {
            foreach (var literal in StringLiterals(file, constants)) literals.Add(literal);
            foreach (Match m in ConnectionStringCall().Matches(file.Text)) literals.Add("ConnectionStrings:" + m.Groups[1].Value);
            foreach (Match m in PropertyDeclaration().Matches(file.Text)) propertyNames.Add(m.Groups[1].Value);
            foreach (Match m in RecordParameters().Matches(file.Text))
                foreach (Match p in ParameterName().Matches(m.Groups[1].Value)) propertyNames.Add(p.Groups[1].Value);
        }

        foreach (var json in project.SourceFiles("appsettings*.json"))
            using (var doc = JsonDocument.Parse(File.ReadAllText(json), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
                CollectJsonKeys(doc.RootElement, "");

        var own = files.Where(f => f.Path.StartsWith(RepositoryRoot.Combine(project.Folder) + System.IO.Path.DirectorySeparatorChar)).ToList();
        RequiredKeys = FindRequiredKeys(own, files.Except(own).ToList(), constants);
        BackboneName = own.SelectMany(f => BackboneCall().Matches(f.Text).Select(m => constants.Evaluate(m.Groups[1].Value.Trim(), f)))
            .FirstOrDefault(name => name is not null);
        RegistersConsumers = own.Any(f => f.Text.Contains("AddConsumer", StringComparison.Ordinal));
    }

    public Project Project { get; }

    /// <summary>Keys the service fails to start without.</summary>
    public IReadOnlySet<string> RequiredKeys { get; }

    /// <summary>The service name given to <c>AddEventBackbone</c>: its schema and queue prefix.</summary>
    public string? BackboneName { get; }

    public bool RegistersConsumers { get; }

    public static SourceConfiguration For(Project project) => Cache.GetOrAdd(project.CsprojPath, _ => new SourceConfiguration(project));
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SourceConfiguration> Cache = new();

    public static string KeyOfEnvironmentVariable(string variable) => variable.Replace("__", ":");

    /// <summary>
    /// True when the code reads this key: it is a string the code uses (a literal, a constant, an
    /// interpolation of constants), a path in appsettings, a section the code binds whose remaining
    /// parts are properties of the bound options, or a setting the ASP.NET Core host reads.
    /// </summary>
    public bool Reads(string key)
    {
        // An array element (Section__List__0) is read wherever the list is.
        key = string.Join(':', key.Split(':').Where(part => !part.All(char.IsAsciiDigit)));
        if (HostSettings.Contains(key) || literals.Contains(key) || jsonKeys.Contains(key)) return true;
        var parts = key.Split(':');
        for (var k = 1; k < parts.Length; k++)
        {
            var section = string.Join(':', parts[..k]);
            if (literals.Contains(section) && parts[k..].All(p => propertyNames.Contains(p) || literals.Contains(p)))
                return true;
        }
        return false;
    }

    void CollectJsonKeys(JsonElement element, string prefix)
    {
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : prefix + ":" + property.Name;
            jsonKeys.Add(key);
            CollectJsonKeys(property.Value, key);
        }
    }

    static IEnumerable<string> StringLiterals(SourceFile file, Constants constants)
    {
        foreach (Match m in StringLiteral().Matches(file.Text))
        {
            var body = m.Groups["body"].Value;
            yield return m.Groups["interpolated"].Success ? constants.Interpolate(body, file) ?? body : body;
        }
    }

    /// <summary>
    /// Require/RequireAll calls in the service's own code, plus those inside referenced methods the
    /// service calls (directly or through other referenced methods): the gateway calls
    /// AddServiceDefaults (which requires the signing key) but not AddEventBackbone (which requires
    /// the database and broker).
    /// </summary>
    static HashSet<string> FindRequiredKeys(List<SourceFile> own, List<SourceFile> referenced, Constants constants)
    {
        var methods = referenced.SelectMany(f => Method.Split(f)).ToList();
        var reached = new List<(string Text, SourceFile File)>(own.Select(f => (f.Text, f)));
        var visited = new HashSet<Method>();
        for (var i = 0; i < reached.Count; i++)
            foreach (var method in methods.Where(m => !visited.Contains(m) && m.IsCalledIn(reached[i].Text)))
            {
                visited.Add(method);
                reached.Add((method.Text, method.File));
            }

        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (text, file) in reached)
            foreach (Match call in RequireCall().Matches(text))
            {
                var arguments = call.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (arguments.Any(a => ParameterDeclaration().IsMatch(a))) continue; // the declaration, not a call
                foreach (var argument in arguments)
                    keys.Add(constants.Evaluate(argument, file)
                        ?? throw new InvalidOperationException(
                            $"Cannot tell which setting {RepositoryRoot.Relative(file.Path)} requires with {call.Value}: " +
                            "pass Require a string literal, a const string or an interpolation of const strings."));
            }
        return keys;
    }

    sealed record SourceFile(string Path, string Text);

    /// <summary>A method (or primary-constructor type) of a referenced project, cut from its declaration to the next one.</summary>
    sealed record Method(string Name, string Text, SourceFile File)
    {
        public bool IsCalledIn(string text) =>
            Regex.IsMatch(text, @"(?<![\w])" + Regex.Escape(Name) + @"\s*(<[^<>()]*>)?\s*\(");

        public static IEnumerable<Method> Split(SourceFile file)
        {
            var declarations = MethodDeclaration().Matches(file.Text).ToList();
            for (var i = 0; i < declarations.Count; i++)
            {
                var start = declarations[i].Index;
                var end = i + 1 < declarations.Count ? declarations[i + 1].Index : file.Text.Length;
                yield return new Method(declarations[i].Groups[1].Value, file.Text[start..end], file);
            }
        }
    }

    /// <summary>String constants (<c>const string X = "..."</c>) by simple and by type-qualified name.</summary>
    sealed class Constants
    {
        readonly Dictionary<string, List<(string Value, SourceFile File)>> byName = new(StringComparer.Ordinal);

        public static Constants From(IEnumerable<SourceFile> files)
        {
            var constants = new Constants();
            foreach (var file in files)
                foreach (Match m in ConstantDeclaration().Matches(file.Text))
                {
                    var type = TypeDeclaration().Matches(file.Text[..m.Index]).LastOrDefault()?.Groups[1].Value;
                    constants.Add(m.Groups[1].Value, m.Groups[2].Value, file);
                    if (type is not null) constants.Add(type + "." + m.Groups[1].Value, m.Groups[2].Value, file);
                }
            return constants;
        }

        void Add(string name, string value, SourceFile file)
        {
            if (!byName.TryGetValue(name, out var list)) byName[name] = list = [];
            list.Add((value, file));
        }

        /// <summary>The value of a string literal, an interpolation of constants, or a constant; null if not constant.</summary>
        public string? Evaluate(string expression, SourceFile context)
        {
            var literal = StringLiteral().Match(expression);
            if (literal.Success && literal.Index == 0 && literal.Length == expression.Length)
                return literal.Groups["interpolated"].Success ? Interpolate(literal.Groups["body"].Value, context) : literal.Groups["body"].Value;
            if (!byName.TryGetValue(expression, out var candidates)) return null;
            var sameFile = candidates.Where(c => c.File == context).ToList();
            var chosen = sameFile.Count > 0 ? sameFile : candidates;
            return chosen.Select(c => c.Value).Distinct().Count() == 1 ? chosen[0].Value : null;
        }

        public string? Interpolate(string body, SourceFile context)
        {
            var unresolved = false;
            var result = Regex.Replace(body, @"\{([^{}:]+)\}", m =>
            {
                var value = Evaluate(m.Groups[1].Value.Trim(), context);
                unresolved |= value is null;
                return value ?? "";
            });
            return unresolved ? null : result;
        }
    }

    [GeneratedRegex("""(?<interpolated>\$)?(?<!@)"(?<body>(?:[^"\\\n]|\\.)*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""GetConnectionString\(\s*"([^"]+)"\s*\)""")]
    private static partial Regex ConnectionStringCall();

    [GeneratedRegex(@"\b(\w+)\s*\{\s*(?:get|init|set)\b")]
    private static partial Regex PropertyDeclaration();

    [GeneratedRegex(@"\brecord\s+(?:class\s+|struct\s+)?\w+\s*\(([^)]*)\)")]
    private static partial Regex RecordParameters();

    [GeneratedRegex(@"(\w+)\s*(?:=[^,]*)?(?:,|$)")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"AddEventBackbone\(\s*([^,()]+),")]
    private static partial Regex BackboneCall();

    [GeneratedRegex(@"\bRequire(?:All)?\s*\(([^()]*)\)")]
    private static partial Regex RequireCall();

    [GeneratedRegex(@"^(?:this\s+|params\s+)?[\w<>\[\]?.,]+\s+\w+$")]
    private static partial Regex ParameterDeclaration();

    [GeneratedRegex(@"(?:public|internal|private|protected)\s+(?:(?:static|async|sealed|override|virtual|partial|readonly)\s+)*[\w<>\[\],?.]+(?:\s*<[^<>()]*>)?\s+(\w+)\s*(?:<[^<>()]*>)?\s*\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex("""const\s+string\s+(\w+)\s*=\s*"([^"]*)"\s*;""")]
    private static partial Regex ConstantDeclaration();

    [GeneratedRegex(@"\b(?:class|record|struct|interface)\s+(\w+)")]
    private static partial Regex TypeDeclaration();
}
