using System.Diagnostics;
using Marten;
using NewsPlatform.Authoring.Articles;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Tests.Import.Bulk;
using NewsPlatform.Authoring.Tests.Import.Parsing;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

/// <summary>The built Authoring executable run as <c>import PATH...</c>, as an operator would, against the test database.</summary>
[Collection(ImportCollection.Name)]
public sealed class ImportCommandLineTests(ImportHost host) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsplatform-import-cli-").FullName;

    [Fact]
    public async Task Each_failed_text_is_named_with_its_line_and_a_failed_file_makes_the_exit_code_non_zero()
    {
        var good = Write("good.txt", new SeedTextBuilder { Headline = "Archive: Royal Visit to Aalborg", Time = "Sep.9 - 2019 4:15 PM CEST" }.Build());
        var broken = Write("broken.txt", new SeedTextBuilder { Byline = "Camilla Jessen" }.Build());
        var missing = Path.Combine(_folder, "missing.txt");

        var first = await RunAsync("import", good, broken, missing);
        var second = await RunAsync("import", good);

        var id = ImportIds.ArticleId(await File.ReadAllTextAsync(good));
        Assert.Equal(1, first.ExitCode);
        Assert.Collection(first.Lines,
            line => Assert.StartsWith($"{good}: 1 imported, 0 already imported, 0 failed of 1 in ", line),
            line => Assert.Equal($"{broken}:3: error: expected the byline \"Written by NAME\" (or \"Written by A and B\", \"Written by A, B and C\"); found \"Camilla Jessen\".", line),
            line => Assert.StartsWith($"{broken}: 0 imported, 0 already imported, 1 failed of 1 in ", line),
            line => Assert.Equal($"{missing}: error: no such file or folder, or not a .txt, .zip, .tar.gz, .tgz, .ndjson or .jsonl file", line));
        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith($"{good}: 0 imported, 1 already imported, 0 failed of 1 in ", Assert.Single(second.Lines));

        await using var query = host.Store.QuerySession();
        var article = await query.LoadAsync<Article>(id);
        Assert.Equal(DateTimeOffset.Parse("2019-09-09T14:15:00Z"), article?.PublishedAt);
        Assert.Equal(ArticleStatus.Published, article?.Status);
        var published = Assert.Single(await host.Events.WaitForAllAsync<ArticlePublishedV1>(id)).Article;
        Assert.Equal("Archive: Royal Visit to Aalborg", published.Headline);
    }

    [Fact]
    public async Task A_folder_imports_its_text_files_and_draft_keeps_them_unpublished()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "archive", "2019")).Parent!.FullName;
        var second = Write("archive/2019/b.txt", new SeedTextBuilder { Headline = "Archive: Second Story" }.Build());
        var first = Write("archive/a.txt", new SeedTextBuilder { Headline = "Archive: First Story" }.Build());
        Write("archive/readme.md", "not an article");

        var run = await RunAsync("import", "--draft", folder);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith($"{folder}: 2 imported, 0 already imported, 0 failed of 2 in ", Assert.Single(run.Lines));
        await using var query = host.Store.QuerySession();
        foreach (var file in new[] { first, second })
            Assert.Equal(ArticleStatus.Draft, (await query.LoadAsync<Article>(ImportIds.ArticleId(await File.ReadAllTextAsync(file))))?.Status);
    }

    [Fact]
    public async Task A_zip_and_an_ndjson_file_import_with_each_failure_at_its_entry_or_line()
    {
        var zip = Path.Combine(_folder, "archive.zip");
        await File.WriteAllBytesAsync(zip, Archives.Zip([
            ("2020/one.txt", new SeedTextBuilder { Headline = "Zipped Story One" }.Build()),
            ("2020/two.txt", new SeedTextBuilder { Headline = "Zipped Story Two", Time = "Jan.14 - 2025 1:36 PM PST" }.Build()),
            ("notes.md", "not an article"),
        ]));
        var ndjson = Write("archive.ndjson", string.Join('\n',
            """{"headline": "Json Story One", "authors": ["Camilla Jessen", "Ida Holm"], "published": "Jan.14 - 2025 1:36 PM CET", "section": "News", "lead": "The lead.", "body": ["The first paragraph.", "The second paragraph."]}""",
            "",
            """{"headline": "Json Story Two", "authors": ["Camilla Jessen"], "published": "Jan.14 - 2025 1:36 PM CET", "section": "News", "photoCredit": "Stefan Bruder / Shutterstock.com", "lead": "The lead.", "body": "The body."}""",
            """{"headline": "Json Story Three", "authors": ["Camilla Jessen"], "published": "yesterday", "section": "News", "lead": "The lead.", "body": "The body."}""",
            """{"headline": "Json Story Four", "authors": []""",
            """{"headline": "Json Story Five", "authors": "Camilla Jessen", "published": "Jan.14 - 2025 1:36 PM CET", "section": "News", "lead": "The lead.", "body": "The body."}"""));

        var run = await RunAsync("import", zip, ndjson);

        Assert.Equal(1, run.ExitCode);
        Assert.Collection(run.Lines,
            line => Assert.Equal($"{zip}/2020/two.txt:5: error: expected a time zone abbreviation (CET, CEST, UTC, GMT); found \"PST\".", line),
            line => Assert.StartsWith($"{zip}: 1 imported, 0 already imported, 1 failed of 2 in ", line),
            line => Assert.StartsWith($"{ndjson}:4: error: published: expected the publication time like ", line),
            line => Assert.StartsWith($"{ndjson}:5: error: not a JSON object (", line),
            line => Assert.Equal($"{ndjson}:6: error: the field \"authors\" must be an array of one or more names", line),
            line => Assert.StartsWith($"{ndjson}: 2 imported, 0 already imported, 3 failed of 5 in ", line));

        await using var query = host.Store.QuerySession();
        var two = await query.Query<Article>().SingleAsync(a => a.Content.Headline == "Json Story Two");
        Assert.Equal(["Camilla Jessen"], two.Content.Authors);
        Assert.Equal(ArticleStatus.Published, two.Status);
        var one = await query.Query<Article>().SingleAsync(a => a.Content.Headline == "Json Story One");
        Assert.Equal(["Camilla Jessen", "Ida Holm"], one.Content.Authors);
        Assert.Equal("The first paragraph.\n\nThe second paragraph.", one.Content.Body);
    }

    [Fact]
    public async Task Without_files_it_prints_its_usage_and_exits_2()
    {
        var run = await RunAsync("import");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("usage: import [--draft] PATH...", Assert.Single(run.Lines));
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
        // Progress lines come every few seconds, so how many depends on the machine's speed: the tests read the rest.
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("progress: ", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length > 0, "no output; stderr: " + await errors);
        return (process.ExitCode, lines);
    }
}
