using System.Net.Http.Headers;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsPlatform.Authoring.Import;
using NewsPlatform.Authoring.Import.Seeding;
using NewsPlatform.Authoring.Tests.Import.Parsing;
using NewsPlatform.Authoring.Tests.Integration;
using NewsPlatform.TestKit;

namespace NewsPlatform.Authoring.Tests.Import.Integration;

/// <summary>
/// One Authoring host for the import tests over a fresh database and vhost, started with a seeds folder of
/// its own (two articles and one broken text) and an event listener that was there before it started.
/// </summary>
public sealed class ImportHost : IAsyncLifetime
{
    public static readonly string SeedCategory = typeof(SeedImport).FullName!;

    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public ImportHostFactory Factory { get; private set; } = null!;
    public EventRecorder Events { get; private set; } = null!;
    public string SeedsFolder { get; } = Directory.CreateTempSubdirectory("newsplatform-seeds-").FullName;

    /// <summary>The articles in <see cref="SeedsFolder"/>, in file order, and the broken text's file name.</summary>
    public static readonly string[] SeedTexts =
    [
        new SeedTextBuilder { Headline = "Harbour Bath Opens for the Season", Time = "Jun.1 - 2025 9:00 AM CEST" }.Build(),
        new SeedTextBuilder { Headline = "Storm Closes the Great Belt Bridge", Byline = "Written by Ida Holm and Søren Ørsted", PhotoLines = [] }.Build(),
    ];
    public const string BrokenSeedFile = "003_broken.txt";

    public IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    public Dictionary<string, string?> Settings()
    {
        var settings = Infrastructure.Settings();
        settings[ImportSettings.SeedsPathKey] = SeedsFolder;
        return settings;
    }

    public async Task InitializeAsync()
    {
        for (var i = 0; i < SeedTexts.Length; i++)
            await File.WriteAllTextAsync(Path.Combine(SeedsFolder, $"00{i + 1}_seed.txt"), SeedTexts[i]);
        await File.WriteAllTextAsync(Path.Combine(SeedsFolder, BrokenSeedFile), "A headline\n\nWritten by Camilla Jessen\n\nyesterday\n");
        await File.WriteAllTextAsync(Path.Combine(SeedsFolder, "notes.md"), "not a seed: only *.txt files are imported");

        Infrastructure = await TestInfrastructure.CreateAsync();
        Events = await EventRecorder.StartAsync(Infrastructure.VirtualHost.ConnectionString, ArticleContracts.Subscribe, "authoring-tests-listener");
        Factory = new ImportHostFactory(Settings());
        _ = Factory.Server;
    }

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Editor() => Client(TestTokens.For("editor", "editor@newsplatform.test"));

    public Task<long> EventCountAsync() => Infrastructure.Database.CountAsync("select count(*) from authoring.mt_events");

    public Task<long> StreamCountAsync() => Infrastructure.Database.CountAsync("select count(*) from authoring.mt_streams");

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Events.DisposeAsync();
        await Infrastructure.DisposeAsync();
        Directory.Delete(SeedsFolder, recursive: true);
    }
}

/// <summary>An Authoring host whose seed-import log lines a test can read.</summary>
public sealed class ImportHostFactory(IReadOnlyDictionary<string, string?> settings) : ServiceFactory<AuthoringEntryPoint>(settings)
{
    public CapturedLogs SeedLogs { get; } = new(ImportHost.SeedCategory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(SeedLogs));
    }

    /// <summary>Waits until the seed import has reported on <paramref name="files"/> files.</summary>
    public Task<IReadOnlyList<(LogLevel Level, string Message)>> SeedReportAsync(int files) => Eventually.MatchAsync(
        () => Task.FromResult(SeedLogs.Lines),
        lines => lines.Count(l => l.Message.Contains(".txt: ", StringComparison.Ordinal)) >= files,
        TimeSpan.FromSeconds(30),
        $"the seed import to report on {files} files");
}

[CollectionDefinition(Name)]
public sealed class ImportCollection : ICollectionFixture<ImportHost>
{
    public const string Name = "import";
}
