using System.Reflection;
using Marten;

namespace NewsPlatform.Authoring.Import.CommandLine;

/// <summary>
/// <c>dotnet run --project services/Authoring -- import [--draft] FILE|FOLDER...</c>: imports each text file (a
/// folder means its <c>*.txt</c>) into the configured database, published under its original time unless
/// <c>--draft</c>, prints one line per file and exits 1 if any file failed, 2 on a usage error. It runs before the
/// host starts, so it needs only PostgreSQL: the running service's relay publishes the new events.
/// </summary>
public static class ImportCommandLine
{
    public const string Command = "import";
    public const string DraftOption = "--draft";

    /// <summary>Runs the command and ends the process when this host was started as <c>import ...</c>.</summary>
    public static void RunIfRequested(IServiceProvider services)
    {
        // Only the Authoring executable itself takes commands (not a test host that loads its assembly).
        if (Assembly.GetEntryAssembly() != typeof(ImportCommandLine).Assembly) return;
        var args = Environment.GetCommandLineArgs().Skip(1).ToList();
        if (args.FirstOrDefault() != Command) return;

        var exitCode = RunAsync(services, args.Skip(1).ToList(), Console.Out).GetAwaiter().GetResult();
        Console.Out.Flush();
        Environment.Exit(exitCode);
    }

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        var publish = !args.Contains(DraftOption);
        var paths = args.Where(a => a != DraftOption).ToList();
        if (paths.Count == 0 || paths.Any(p => p.StartsWith("--", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync($"usage: {Command} [{DraftOption}] FILE|FOLDER...  (text files in the seed format; a folder means its *.txt)");
            return 2;
        }

        var failed = 0;
        try
        {
            // A fresh database has no schema yet: the host's start-up would create it, but this runs instead of that.
            await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var importer = TextImporter.From(services);
            var user = $"command-line import ({Environment.UserName})";
            foreach (var file in Files(paths))
            {
                var line = await ImportFileAsync(importer, file, publish, user);
                if (line.Failed) failed++;
                await output.WriteLineAsync(line.Text);
            }
        }
        catch (Exception e)
        {
            // Database or configuration trouble stops every file alike: say so once, plainly, not as a stack trace.
            await output.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        return failed == 0 ? 0 : 1;
    }

    private static async Task<(bool Failed, string Text)> ImportFileAsync(TextImporter importer, string file, bool publish, string user)
    {
        if (!File.Exists(file)) return (true, $"{file}: error: no such file or folder");
        string text;
        try
        {
            text = await File.ReadAllTextAsync(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (true, $"{file}: error: cannot read it ({e.Message})");
        }
        var result = await importer.ImportAsync(text, publish, user, CancellationToken.None);
        return (!result.Succeeded, $"{file}: {result.Describe()}");
    }

    private static IEnumerable<string> Files(IEnumerable<string> paths) => paths.Select(Resolve).SelectMany<string, string>(path =>
        Directory.Exists(path) ? Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal) : [path]);

    // `dotnet run --project services/Authoring` runs in the project folder, but the user typed paths relative to
    // their shell's folder, which the shell keeps in PWD.
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var shell = Environment.GetEnvironmentVariable("PWD");
        var fromShell = shell is { Length: > 0 } ? Path.GetFullPath(path, shell) : null;
        return fromShell is not null && (File.Exists(fromShell) || Directory.Exists(fromShell)) ? fromShell : Path.GetFullPath(path);
    }
}
