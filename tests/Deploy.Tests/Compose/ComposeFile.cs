using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NewsPlatform.Deploy.Tests.Compose;

/// <summary>
/// docker-compose.yml as Debian's docker-compose resolves it (anchors merged, variables filled from
/// .env.example), so the tests check what compose would run, not what the text looks like.
/// </summary>
public sealed class ComposeFile
{
    public const string FileName = "docker-compose.yml";
    public const string ExampleEnvironment = ".env.example";

    ComposeFile(YamlNodeView root) => Root = root;

    public YamlNodeView Root { get; }

    public YamlNodeView Service(string name) => Root["services"][name];

    public IReadOnlyList<string> ServiceNames => Root["services"].Entries.Select(e => e.Key).ToList();

    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Service(service)["environment"].Entries.ToDictionary(e => e.Key, e => e.Value.Text ?? "");

    /// <summary>Published ports, whether compose printed them short (<c>127.0.0.1:80:8080/tcp</c>) or long.</summary>
    public IReadOnlyList<(string? Published, string Target)> Ports(string service) =>
        Service(service)["ports"].Items.Select(p =>
        {
            if (p.Text is null) return (p["published"].Text, p["target"].RequiredText);
            var parts = p.Text.Split('/')[0].Split(':');
            return (parts.Length > 1 ? parts[^2] : null, parts[^1]);
        }).ToList();

    /// <summary>Mounts as (source, target), short (<c>data:/var/lib/x:rw</c>) or long syntax.</summary>
    public IReadOnlyList<(string Source, string Target)> Volumes(string service) =>
        Service(service)["volumes"].Items.Select(v =>
        {
            if (v.Text is null) return (v["source"].RequiredText, v["target"].RequiredText);
            var parts = v.Text.Split(':');
            return (parts[0], parts[1]);
        }).ToList();

    public static ComposeFile Resolved { get; } = Load();

    static ComposeFile Load()
    {
        var result = Run("--env-file", RepositoryRoot.Combine(ExampleEnvironment), "-f", RepositoryRoot.Combine(FileName), "config");
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"docker-compose config failed ({result.ExitCode}):\n{result.Error}");
        return new ComposeFile(YamlNodeView.Load(result.Output, FileName));
    }

    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>
    /// Runs docker-compose in the repository root with none of the stack's variables inherited from
    /// this process, so only the given --env-file supplies them.
    /// </summary>
    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("docker-compose")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var variable in VariablesIn(RepositoryRoot.Read(FileName))) start.Environment.Remove(variable);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                "docker-compose is not installed; the compose file is validated with Debian's docker-compose " +
                "(apt-get install -y docker-compose; deploy/local/test.sh installs it).", e);
        }
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException("docker-compose did not finish within 60 s.");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Every ${VARIABLE...} the compose file interpolates (comments aside).</summary>
    public static IReadOnlySet<string> VariablesIn(string text) =>
        Regex.Matches(WithoutComments(text), @"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)").Select(m => m.Groups[1].Value).ToHashSet();

    /// <summary>The variables compose must be given (<c>${VARIABLE:?message}</c>).</summary>
    public static IReadOnlySet<string> RequiredVariablesIn(string text) =>
        Regex.Matches(WithoutComments(text), @"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*):?\?").Select(m => m.Groups[1].Value).ToHashSet();

    static string WithoutComments(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !line.TrimStart().StartsWith('#')).Select(line => Regex.Replace(line, @"\s+#\s.*$", "")));

    /// <summary>An image reference without its tag: <c>newsplatform/authoring:dev</c> → <c>newsplatform/authoring</c>.</summary>
    public static string Repository(string image)
    {
        var slash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        return colon > slash ? image[..colon] : image;
    }
}
