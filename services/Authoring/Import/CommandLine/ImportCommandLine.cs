using System.Reflection;
using Marten;
using NewsPlatform.Authoring.Import.Bulk;

namespace NewsPlatform.Authoring.Import.CommandLine;

/// <summary>
/// <c>dotnet run --project services/Authoring -- import [--draft] PATH...</c>: imports each text file, folder (its
/// <c>*.txt</c>, subfolders too), <c>.zip</c>, <c>.tar.gz</c> or NDJSON file into the configured database, published
/// under the original times unless <c>--draft</c>. Shows a progress bar on a terminal (plain progress lines
/// otherwise), prints each failed text as <c>FILE:LINE: error: REASON</c>, and exits 1 if any text failed, 2 on a
/// usage error. Re-running the same command imports nothing twice, so after an interruption it is the way to
/// go on. It runs before the host starts, so it needs only PostgreSQL: the running service relays the new events.
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

        var exitCode = RunAsync(services, args.Skip(1).ToList(), Console.Out, terminal: !Console.IsOutputRedirected).GetAwaiter().GetResult();
        Console.Out.Flush();
        Environment.Exit(exitCode);
    }

    /// <param name="terminal">Draw a progress bar (the output is a terminal) rather than print progress lines.</param>
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, bool terminal)
    {
        var publish = !args.Contains(DraftOption);
        var paths = args.Where(a => a != DraftOption).ToList();
        if (paths.Count == 0 || paths.Any(p => p.StartsWith("--", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync($"usage: {Command} [{DraftOption}] PATH...  (PATH: a text file in the seed format, a folder of *.txt, a .zip or .tar.gz of them, or an .ndjson file)");
            return 2;
        }

        var failed = 0;
        try
        {
            // A fresh database has no schema yet: the host's start-up would create it, but this runs instead of that.
            await services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var importer = services.GetRequiredService<BulkImporter>();
            var user = $"command-line import ({Environment.UserName})";
            foreach (var path in paths.Select(Resolve))
            {
                if (Source(path) is not { } archive)
                {
                    failed++;
                    await output.WriteLineAsync($"{path}: error: no such file or folder, or not a .txt, .zip, .tar.gz, .tgz, .ndjson or .jsonl file");
                    continue;
                }
                var batch = await ImportAsync(services, importer, archive, path, publish, user, output, terminal);
                failed += batch.Failed;
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

    private static async Task<ImportBatch> ImportAsync(
        IServiceProvider services, BulkImporter importer, ImportArchive archive, string path, bool publish, string user, TextWriter output, bool terminal)
    {
        var batch = new ImportBatch
        {
            Id = Guid.NewGuid(),
            Source = path,
            Format = archive.Format,
            Publish = publish,
            CreatedBy = user,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Total = archive.Count(),
        };
        await using (var session = services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Store(batch);
            await session.SaveChangesAsync();
        }

        var progress = new ImportProgress(output, terminal, batch);
        var printed = 0;
        var finished = await importer.RunAsync(batch, archive, b =>
        {
            foreach (var failure in b.Failures.Skip(printed)) progress.Print(Name(path, archive, failure));
            printed = b.Failures.Count;
            progress.Report(b);
        }, CancellationToken.None);
        progress.Finish(finished);
        return finished;
    }

    // Each failure names a file the user can open: the path as given, or the archive and the entry in it.
    private static string Name(string path, ImportArchive archive, ImportFailure failure) => archive.Format switch
    {
        ArchiveFormat.Folder => (failure with { File = Path.Combine(path, failure.File) }).ToString(),
        ArchiveFormat.Zip or ArchiveFormat.TarGz => (failure with { File = $"{path}/{failure.File}" }).ToString(),
        _ => (failure with { File = path }).ToString(), // a text file or an NDJSON file: the line is in it
    };

    private static ImportArchive? Source(string path)
    {
        if (Directory.Exists(path)) return new ImportArchive(path, ArchiveFormat.Folder);
        if (!File.Exists(path)) return null;
        if (path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)) return ImportArchive.OneText(path);
        return ImportArchive.Open(path);
    }

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
