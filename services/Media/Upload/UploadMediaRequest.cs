using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace NewsPlatform.Media.Upload;

/// <summary>
/// The upload form as the OpenAPI document describes it. The endpoint does not bind it:
/// <see cref="UploadForm"/> reads the same fields by hand so the size limits apply while streaming.
/// </summary>
public sealed record UploadMediaRequest(IFormFile File, string Credit, string? Caption, string? Alt)
{
    /// <summary>
    /// Adds the multipart body to the operation. Documented this way rather than with <c>Accepts()</c>,
    /// which would make routing refuse other content types itself, with a 415 that says nothing.
    /// </summary>
    public static async Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(UploadMediaRequest), null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = schema } },
        };
    }
}
