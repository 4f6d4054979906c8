using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsPlatform.Deploy.Tests.Docker;

/// <summary>A Dockerfile read into its instructions (continuation lines joined, comments dropped), grouped by stage.</summary>
public sealed partial class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments, int Stage)
    {
        /// <summary>The arguments of an exec-form instruction (<c>["a", "b"]</c>), or null for shell form.</summary>
        public IReadOnlyList<string>? ExecForm =>
            Arguments.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<string[]>(Arguments) : null;
    }

    Dockerfile(string path, IReadOnlyList<Instruction> instructions, IReadOnlyList<string> stageImages)
    {
        Path = path;
        Instructions = instructions;
        StageImages = stageImages;
    }

    public string Path { get; }
    public IReadOnlyList<Instruction> Instructions { get; }
    /// <summary>The name of each stage (<c>FROM image AS name</c>), in order; empty for an unnamed one.</summary>
    public IReadOnlyList<string> StageNames => Instructions.Where(i => i.Keyword == "FROM")
        .Select(i => i.Arguments.Split(' ') is [_, var @as, var name] && @as.Equals("AS", StringComparison.OrdinalIgnoreCase) ? name : "")
        .ToList();

    /// <summary>The base image of each stage, in order.</summary>
    public IReadOnlyList<string> StageImages { get; }
    public int FinalStage => StageImages.Count - 1;

    public IEnumerable<Instruction> InStage(int stage) => Instructions.Where(i => i.Stage == stage);

    public IEnumerable<Instruction> All(string keyword) =>
        Instructions.Where(i => i.Keyword.Equals(keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>ENV assignments of the final stage (<c>KEY=value</c> pairs, several per instruction).</summary>
    public IReadOnlyDictionary<string, string> RuntimeEnvironment =>
        InStage(FinalStage).Where(i => i.Keyword == "ENV")
            .SelectMany(i => EnvAssignment().Matches(i.Arguments))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));

    /// <summary>COPY sources from the build context (not from another stage), in order, with the instruction index.</summary>
    public IEnumerable<(int Index, string Source, string Destination)> ContextCopies()
    {
        for (var i = 0; i < Instructions.Count; i++)
        {
            var instruction = Instructions[i];
            if (instruction.Keyword != "COPY" || instruction.Arguments.Contains("--from=")) continue;
            var parts = instruction.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith("--")).ToArray();
            foreach (var source in parts[..^1]) yield return (i, source, parts[^1]);
        }
    }

    public int IndexOf(Instruction instruction) => Instructions.ToList().IndexOf(instruction);

    /// <summary>
    /// The Dockerfile as built with these <c>--build-arg</c>s: <c>$NAME</c> and <c>${NAME}</c> of every name an
    /// <c>ARG</c> declares are replaced by the argument, else the ARG's default, else nothing, as Docker does.
    /// Other variables (the shell's, at run time) are left as written.
    /// </summary>
    public static Dockerfile Load(string relativePath, IReadOnlyDictionary<string, string> buildArguments)
    {
        var plain = Load(relativePath);
        var values = new Dictionary<string, string>();
        foreach (var arg in plain.All("ARG"))
        {
            var declared = arg.Arguments.Split('=', 2);
            values[declared[0]] = buildArguments.TryGetValue(declared[0], out var given) ? given
                : declared.Length > 1 ? declared[1].Trim('"') : "";
        }
        string Expand(Match reference)
        {
            var name = reference.Groups["braced"].Success ? reference.Groups["braced"].Value : reference.Groups["bare"].Value;
            return values.TryGetValue(name, out var value) ? value : reference.Value;
        }
        var instructions = plain.Instructions.Select(i => i with { Arguments = ArgReference().Replace(i.Arguments, Expand) }).ToList();
        return new Dockerfile(relativePath, instructions, plain.StageImages);
    }

    public static Dockerfile Load(string relativePath)
    {
        var lines = File.ReadAllLines(RepositoryRoot.Combine(relativePath));
        var logical = new List<string>();
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith('#') || (current.Length == 0 && line.Length == 0)) continue;
            if (line.EndsWith('\\')) { current += line[..^1] + " "; continue; }
            logical.Add(current + line);
            current = "";
        }

        var instructions = new List<Instruction>();
        var stages = new List<string>();
        foreach (var line in logical)
        {
            var split = line.Trim().Split(' ', 2);
            var keyword = split[0].ToUpperInvariant();
            var arguments = split.Length > 1 ? Regex.Replace(split[1].Trim(), @"\s+", " ") : "";
            if (keyword == "FROM") stages.Add(arguments.Split(' ')[0]);
            instructions.Add(new Instruction(keyword, arguments, stages.Count - 1));
        }
        return new Dockerfile(relativePath, instructions, stages);
    }

    public override string ToString() => Path;

    [GeneratedRegex(@"\$(?:\{(?<braced>[A-Za-z_][A-Za-z0-9_]*)\}|(?<bare>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex ArgReference();

    [GeneratedRegex("""([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)""")]
    private static partial Regex EnvAssignment();
}
