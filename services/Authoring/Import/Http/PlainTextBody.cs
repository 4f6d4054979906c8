using System.Text;
using Microsoft.Net.Http.Headers;

namespace NewsPlatform.Authoring.Import.Http;

/// <summary>
/// Reads a <c>text/plain</c> request body as UTF-8, refusing other media types, other charsets, bytes that are
/// not UTF-8 and bodies over <see cref="MaxBytes"/> — each with the status and reason a client can act on.
/// </summary>
public static class PlainTextBody
{
    /// <summary>Twice the longest article body the newsroom accepts, in bytes, leaving room for multi-byte letters.</summary>
    public const int MaxBytes = 1024 * 1024;

    public sealed record Failure(int Status, string Title, string Detail);

    public static async Task<(string? Text, Failure? Failure)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
            return (null, new(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the article as 'text/plain; charset=utf-8', not '{request.ContentType ?? "no Content-Type"}'."));
        if (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                                  && !type.Charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            return (null, new(StatusCodes.Status415UnsupportedMediaType, "Unsupported charset",
                $"Send the text as UTF-8, not {type.Charset}."));
        if (request.ContentLength > MaxBytes) return (null, TooLarge());

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return (null, TooLarge());
            buffer.Write(chunk, 0, read);
        }
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
        }
        catch (DecoderFallbackException e)
        {
            return (null, new(StatusCodes.Status400BadRequest, "The text is not UTF-8",
                $"Byte {e.Index} is not valid UTF-8; save the file as UTF-8 and send it again."));
        }
    }

    private static Failure TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "The text is too large",
        $"An article text may have at most {MaxBytes} bytes.");
}
