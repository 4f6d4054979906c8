using System.Diagnostics;
using Marten;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Tests.Import.Parsing;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

/// <summary>The built Authoring executable run as <c>import FILE...</c>, as an operator would, against the test database.</summary>
[Collection(ImportCollection.Name)]
public sealed class ImportCommandLineTests(ImportHost host) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsplatform-import-cli-").FullName;

    [Fact]
    public async Task Each_file_gets_one_line_and_a_failed_file_makes_the_exit_code_non_zero()
    {
        var good = Write("good.txt", new SeedTextBuilder { Headline = "Archive: Royal Visit to Aalborg", Time = "Sep.9 - 2019 4:15 PM CEST" }.Build());
        var broken = Write("broken.txt", new SeedTextBuilder { Byline = "Camilla Jessen" }.Build());
        var missing = Path.Combine(_folder, "missing.txt");

        var first = await RunAsync("import", good, broken, missing);
        var second = await RunAsync("import", good);

        var id = ImportIds.ArticleId(await File.ReadAllTextAsync(good));
        Assert.Equal(1, first.ExitCode);
        Assert.Equal(
            [
                $"{good}: created published article {id} (News/archive-royal-visit-to-aalborg)",
                $"{broken}: error: Line 3: expected the byline \"Written by NAME\" (or \"Written by A and B\", \"Written by A, B and C\"); found \"Camilla Jessen\".",
                $"{missing}: error: no such file or folder",
            ],
            first.Lines);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal([$"{good}: already imported as article {id} (published)"], second.Lines);

        await using var query = host.Store.QuerySession();
        var article = await query.LoadAsync<Article>(id);
        Assert.Equal(DateTimeOffset.Parse("2019-09-09T14:15:00Z"), article?.PublishedAt);
        Assert.Equal(ArticleStatus.Published, article?.Status);
        var published = Assert.Single(await host.Events.WaitForAllAsync<ArticlePublishedV1>(id)).Article;
        Assert.Equal("Archive: Royal Visit to Aalborg", published.Headline);
    }

    [Fact]
    public async Task A_folder_imports_its_text_files_in_name_order_and_draft_keeps_them_unpublished()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "archive")).FullName;
        Write("archive/b.txt", new SeedTextBuilder { Headline = "Archive: Second Story" }.Build());
        Write("archive/a.txt", new SeedTextBuilder { Headline = "Archive: First Story" }.Build());
        Write("archive/readme.md", "not an article");

        var run = await RunAsync("import", "--draft", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Collection(run.Lines,
            line => Assert.StartsWith($"{Path.Combine(folder, "a.txt")}: created a draft article", line),
            line => Assert.StartsWith($"{Path.Combine(folder, "b.txt")}: created a draft article", line));
    }

    [Fact]
    public async Task Without_files_it_prints_its_usage_and_exits_2()
    {
        var run = await RunAsync("import");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usage: import [--draft] FILE|FOLDER...", Assert.Single(run.Lines));
    }

    [Fact]
    public async Task An_unreachable_database_is_one_plain_error_and_exit_1()
    {
        var file = Write("story.txt", new SeedTextBuilder().Build());

        var run = await RunAsync(["import", file], postgres: $"Host=127.0.0.1;Port={ServiceProcess.FreePort()};Username=nobody;Password=x;Database=none");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: Failed to connect to 127.0.0.1:", Assert.Single(run.Lines));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<(int ExitCode, string[] Lines)> RunAsync(params string[] args) => RunAsync(args, postgres: null);

    private async Task<(int ExitCode, string[] Lines)> RunAsync(string[] args, string? postgres)
    {
        var start = new ProcessStartInfo("dotnet", [ProjectOutput.Assembly("services/Authoring", "NewsPlatform.Authoring"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        foreach (var (key, value) in host.Infrastructure.Settings()) start.Environment[key.Replace(":", "__")] = value;
        if (postgres is not null) start.Environment["ConnectionStrings__Postgres"] = postgres;
        // Only the command's own lines on stdout: no schema or framework chatter.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["PWD"] = _folder;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0, "no output; stderr: " + await errors);
        return (process.ExitCode, lines);
    }
}
