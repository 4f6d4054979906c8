using Marten;
using NewsPlatform.Authoring.Articles.Import;
using NewsPlatform.ServiceDefaults.Hosting;

namespace NewsPlatform.Authoring.Import.Bulk;

/// <summary>Settings of bulk imports, section <c>Authoring:Import</c>.</summary>
public sealed class BulkImportOptions : IValidatedOptions
{
    public const string Section = "Authoring:Import";

    /// <summary>
    /// Where uploaded archives are kept until their batch completes. It must survive a restart of the process
    /// (in a container: a volume) for a batch to resume; default: a folder in the system's temporary folder.
    /// </summary>
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "newsplatform-import");

    /// <summary>Articles per transaction: small enough not to hold up interactive writes, large enough to batch well.</summary>
    public int ChunkSize { get; set; } = BulkImporter.DefaultChunkSize;

    /// <summary>The largest archive an upload may be, in bytes (default 4 GiB).</summary>
    public long MaxUploadBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    public IEnumerable<SettingProblem> Validate()
    {
        if (string.IsNullOrWhiteSpace(Folder)) yield return new(nameof(Folder), "must name a folder");
        if (ChunkSize < 1) yield return new(nameof(ChunkSize), $"must be positive; it is {ChunkSize}");
        if (MaxUploadBytes < 1) yield return new(nameof(MaxUploadBytes), $"must be a positive number of bytes; it is {MaxUploadBytes}");
    }
}

public static class BulkImportExtensions
{
    /// <summary>Bulk imports of archives: the importer, the batch documents, and the worker that runs uploaded batches.</summary>
    public static WebApplicationBuilder AddBulkImport(this WebApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<BulkImportOptions>(BulkImportOptions.Section);
        builder.Services.ConfigureMarten(opts => opts.Schema.For<ImportBatch>().Index(b => b.FinishedAt));
        builder.Services.AddSingleton<BulkImportHandler>();
        builder.Services.AddSingleton(TextImporter.From);
        builder.Services.AddSingleton(services => new BulkImporter(
            services.GetRequiredService<ISessionFactory>(),
            services.GetRequiredService<BulkImportHandler>(),
            services.GetRequiredService<TextImporter>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<BulkImporter>>())
        {
            ChunkSize = options.ChunkSize,
        });
        builder.Services.AddSingleton<ImportBatchQueue>();
        builder.Services.AddHostedService<ImportBatchWorker>();
        return builder;
    }
}
