namespace NewsPlatform.Authoring.Import.Seeding;

/// <summary>
/// Imports every <c>*.txt</c> of the seeds folder (<see cref="ImportSettings.SeedsFolder"/>) as published articles
/// under their original times, once the host has started (bus up, relay running). Idempotent through the
/// text-derived ids: a restart, a second instance or a re-run finds each article already there.
/// </summary>
public static class SeedImport
{
    public const string User = "seed import";
    private const int Attempts = 5;

    public static void RunOnceStarted(IServiceProvider services)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SeedImport));
        var folder = ImportSettings.SeedsFolder(services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>());
        if (folder is null)
        {
            logger.LogInformation("Seed import: no seeds folder ({Key} not set, none found at or above the content root)", ImportSettings.SeedsPathKey);
            return;
        }
        lifetime.ApplicationStarted.Register(() => _ = RunWithRetriesAsync(services, folder, logger, lifetime.ApplicationStopping));
    }

    /// <summary>Imports the folder once; the results in file-name order.</summary>
    public static async Task<IReadOnlyList<(string File, TextImportResult Result)>> RunAsync(
        TextImporter importer, string folder, CancellationToken ct)
    {
        var results = new List<(string, TextImportResult)>();
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal))
        {
            var text = await File.ReadAllTextAsync(file, ct);
            results.Add((Path.GetFileName(file), await importer.ImportAsync(text, publish: true, User, ct)));
        }
        return results;
    }

    // The database may still be starting with the rest of the stack; each attempt is safe to repeat.
    private static async Task RunWithRetriesAsync(IServiceProvider services, string folder, ILogger logger, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Seed import: the folder {Folder} does not exist", folder);
            return;
        }
        for (var attempt = 1; !ct.IsCancellationRequested; attempt++)
        {
            try
            {
                foreach (var (file, result) in await RunAsync(TextImporter.From(services), folder, ct))
                {
                    if (result.Succeeded) logger.LogInformation("Seed import: {File}: {Result}", file, result.Describe());
                    else logger.LogError("Seed import: {File}: {Result}", file, result.Describe());
                }
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (attempt < Attempts)
            {
                logger.LogWarning(e, "Seed import of {Folder} failed (attempt {Attempt} of {Attempts}); trying again", folder, attempt, Attempts);
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Seed import of {Folder} failed after {Attempts} attempts", folder, Attempts);
                return;
            }
        }
    }
}
