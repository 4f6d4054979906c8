using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NewsPlatform.Media.Extensions;
using NewsPlatform.Media.Inspection;

namespace NewsPlatform.Media.Upload;

/// <summary>
/// The multipart upload, read by hand so every limit is ours: the file is counted as it streams in
/// and refused the moment it passes the limit, text fields are bounded, and unknown parts are named.
/// Nothing is buffered to disk.
/// </summary>
public sealed record UploadForm(byte[] File, string? Credit, string? Caption, string? Alt)
{
    const int MaxFieldBytes = 16 * 1024;
    static readonly string[] TextFields = ["credit", "caption", "alt"];
    static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    public static async Task<(UploadForm? Form, UploadRefusal? Refusal)> ReadAsync(HttpRequest request, MediaOptions options, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !"multipart/form-data".Equals(contentType.MediaType.Value, StringComparison.OrdinalIgnoreCase))
            return (null, new UploadRefusal(StatusCodes.Status415UnsupportedMediaType, "Send a multipart form",
                "Upload the photo as multipart/form-data with a 'file' part and 'credit', 'caption' and 'alt' fields.", "not-multipart"));
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 200)
            return (null, UploadRefusal.BadForm("The multipart Content-Type has no valid boundary."));

        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 16, HeadersLengthLimit = 8 * 1024 };
            byte[]? file = null;
            var fields = new Dictionary<string, string>();
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !"form-data".Equals(disposition.DispositionType.Value, StringComparison.OrdinalIgnoreCase)
                    || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                    return (null, UploadRefusal.BadForm("Every part of the form needs a Content-Disposition: form-data header with a name."));

                if (name == "file")
                {
                    if (file is not null) return (null, UploadRefusal.BadForm("The form has more than one 'file' part; upload one photo at a time."));
                    file = await ReadBoundedAsync(section.Body, options.MaxUploadBytes, ct);
                    if (file is null)
                        return (null, UploadRefusal.TooLarge($"The file is larger than the {Sizes.Describe(options.MaxUploadBytes)} limit for a photo."));
                }
                else if (TextFields.Contains(name))
                {
                    if (fields.ContainsKey(name)) return (null, UploadRefusal.BadForm($"The form has the '{name}' field twice."));
                    var value = await ReadBoundedAsync(section.Body, MaxFieldBytes, ct);
                    if (value is null) return (null, UploadRefusal.BadForm($"The '{name}' field is longer than {MaxFieldBytes / 1024} KB."));
                    fields[name] = StrictUtf8.GetString(value);
                }
                else
                {
                    return (null, UploadRefusal.BadForm($"The form has an unknown field '{name}'; expected 'file', 'credit', 'caption' and 'alt'."));
                }
            }
            if (file is null) return (null, UploadRefusal.BadForm("The form has no 'file' part with the photo."));
            return (new UploadForm(file, fields.GetValueOrDefault("credit"), fields.GetValueOrDefault("caption"), fields.GetValueOrDefault("alt")), null);
        }
        catch (BadHttpRequestException bad) when (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, UploadRefusal.TooLarge(
                $"The request body is larger than {Sizes.Describe(options.MaxRequestBodyBytes)}; a photo may be at most {Sizes.Describe(options.MaxUploadBytes)}."));
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException or DecoderFallbackException)
        {
            return (null, UploadRefusal.BadForm($"The multipart body could not be read: {e.Message}"));
        }
    }

    /// <summary>The whole stream, or null as soon as it passes <paramref name="limit"/> bytes.</summary>
    static async Task<byte[]?> ReadBoundedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
