using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using NewsPlatform.Authoring.Articles.Api;
using NewsPlatform.Authoring.Import.Bulk;

namespace NewsPlatform.Authoring.Import.Http;

/// <summary>
/// <c>POST /api/authoring/import/batches</c> starts a bulk import of an uploaded archive (202 Accepted, the batch
/// at <c>Location</c>); <c>GET /api/authoring/import/batches/{id}</c> tells how far it has come.
/// </summary>
public static class ImportBatchEndpoints
{
    public const string StartDescription = """
        Starts a bulk import of many articles in the seed format. The body is the archive itself:
        `application/zip` (a .zip of *.txt texts), `application/gzip` (a .tar.gz of *.txt texts) or
        `application/x-ndjson` (one JSON article per line). `?publish=true` publishes each article under its
        original time; otherwise drafts. `?name=` names the archive in the batch's status (e.g. its file name).
        Answers 202 Accepted with the batch's status and its address in `Location`; the import runs in the
        background, resumes after a restart, and imports no text twice (an article's id comes from its text).
        400 when the archive cannot be read or holds no article, 413 when it is too large, 415 for other types.
        """;

    public const string StatusDescription = """
        The batch's status: `total`, `done` (imported or found already imported), `imported`, `alreadyImported`,
        `failed`, `remaining`, and `failures` — each failed text's file, line and reason. Visible to the editor
        who started it and to admins.
        """;

    public static readonly IReadOnlyDictionary<string, ArchiveFormat> MediaTypes = new Dictionary<string, ArchiveFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/zip"] = ArchiveFormat.Zip,
        ["application/gzip"] = ArchiveFormat.TarGz,
        ["application/x-gzip"] = ArchiveFormat.TarGz,
        ["application/x-ndjson"] = ArchiveFormat.Ndjson,
        ["application/jsonl"] = ArchiveFormat.Ndjson,
    };

    public static async Task<Results<Accepted<ImportBatchResponse>, ProblemHttpResult>> StartAsync(
        HttpRequest request, ClaimsPrincipal user, IDocumentStore store, ImportBatchQueue queue, TimeProvider clock, IOptions<BulkImportOptions> options,
        CancellationToken ct, bool publish = false, string? name = null)
    {
        var settings = options.Value;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !MediaTypes.TryGetValue(type.MediaType.Value ?? "", out var format))
            return TypedResults.Problem(
                $"Send the archive as one of {string.Join(", ", MediaTypes.Keys)}, not '{request.ContentType ?? "no Content-Type"}'.",
                statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
        if (request.ContentLength > settings.MaxUploadBytes) return TooLarge(settings);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = settings.MaxUploadBytes;

        var id = Guid.NewGuid();
        Directory.CreateDirectory(settings.Folder);
        var path = Path.Combine(settings.Folder, $"{id:N}{Extension(format)}");
        int total;
        try
        {
            await using (var file = File.Create(path))
                await request.Body.CopyToAsync(file, ct);
            total = new ImportArchive(path, format).Count();
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException or JsonException or FormatException or EndOfStreamException
                                       or BadHttpRequestException or OperationCanceledException or IOException)
        {
            File.Delete(path);
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return TooLarge(settings);
            if (e is OperationCanceledException or BadHttpRequestException) throw;
            return TypedResults.Problem($"The body is not a readable {Describe(format)}: {e.Message}",
                statusCode: StatusCodes.Status400BadRequest, title: "The archive cannot be read");
        }
        if (total == 0)
        {
            File.Delete(path);
            return TypedResults.Problem($"The {Describe(format)} holds no article{(format == ArchiveFormat.Ndjson ? "" : " (no *.txt file)")}.",
                statusCode: StatusCodes.Status400BadRequest, title: "The archive holds no article");
        }

        var batch = new ImportBatch
        {
            Id = id,
            Source = string.IsNullOrWhiteSpace(name) ? $"upload{Extension(format)}" : name.Trim(),
            Format = format,
            Publish = publish,
            CreatedBy = HttpCommands.ActorOf(user).Email,
            CreatedAt = clock.GetUtcNow(),
            StoredArchive = path,
            Total = total,
        };
        await using (var session = store.LightweightSession())
        {
            session.Store(batch);
            await session.SaveChangesAsync(ct);
        }
        queue.Enqueue(id);
        return TypedResults.Accepted(Location(id), ImportBatchResponse.From(batch));
    }

    public static async Task<Results<Ok<ImportBatchResponse>, ProblemHttpResult>> StatusAsync(
        Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken ct)
    {
        var actor = HttpCommands.ActorOf(user);
        // Another editor's batch is as absent as one that never was: its existence is not theirs to learn.
        if (await session.LoadAsync<ImportBatch>(id, ct) is not { } batch || (batch.CreatedBy != actor.Email && !actor.Roles.Contains(Roles.Admin)))
            return TypedResults.Problem($"There is no import batch {id} of yours.", statusCode: StatusCodes.Status404NotFound, title: "No such import batch");
        return TypedResults.Ok(ImportBatchResponse.From(batch));
    }

    public static string Location(Guid id) => $"/api/authoring/import/batches/{id}";

    private static ProblemHttpResult TooLarge(BulkImportOptions settings) => TypedResults.Problem(
        $"An archive may have at most {settings.MaxUploadBytes} bytes ({BulkImportOptions.Section}:{nameof(BulkImportOptions.MaxUploadBytes)}); split it into several batches.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The archive is too large");

    private static string Extension(ArchiveFormat format) => format switch
    {
        ArchiveFormat.Zip => ".zip",
        ArchiveFormat.TarGz => ".tar.gz",
        _ => ".ndjson",
    };

    private static string Describe(ArchiveFormat format) => format switch
    {
        ArchiveFormat.Zip => "zip archive",
        ArchiveFormat.TarGz => "tar.gz archive",
        _ => "NDJSON file (UTF-8)",
    };
}

/// <summary>An import batch as the API shows it.</summary>
public sealed record ImportBatchResponse(
    Guid Id, string Source, ArchiveFormat Format, bool Publish, ImportBatchStatus Status,
    int Total, int Done, int Imported, int AlreadyImported, int Failed, int Remaining,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, IReadOnlyList<ImportFailure> Failures)
{
    public static ImportBatchResponse From(ImportBatch b) => new(
        b.Id, b.Source, b.Format, b.Publish, b.Status, b.Total, b.Done, b.Imported, b.AlreadyImported, b.Failed, b.Remaining,
        b.CreatedAt, b.FinishedAt, b.Failures);
}
