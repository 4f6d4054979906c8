namespace NewsPlatform.Authoring.Import.Seeding;

/// <summary>Imports the seeds folder once the host has started (see <see cref="SeedImport"/>).</summary>
public sealed class SeedImportService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        SeedImport.RunOnceStarted(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
