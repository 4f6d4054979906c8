namespace NewsPlatform.Media.Upload;

/// <summary>
/// The upload form as the OpenAPI document describes it. The endpoint does not bind it:
/// <see cref="UploadForm"/> reads the same fields by hand so the size limits apply while streaming.
/// </summary>
public sealed record UploadMediaRequest(IFormFile File, string Credit, string? Caption, string? Alt);
