using System.Security.Cryptography;

namespace NewsPlatform.ReaderFeed.Caching;

/// <summary>
/// A rendered response: status, body and the validators derived from it. The ETag is a hash of the
/// bytes, so every instance gives the same ETag for the same content.
/// </summary>
public sealed record CachedResponse
{
    public CachedResponse(int statusCode, string contentType, byte[] body, DateTimeOffset? lastModified, string? location = null)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Body = body;
        LastModified = lastModified is { } at ? TruncateToSeconds(at) : null;
        Location = location;
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12))}\"";
    }

    public int StatusCode { get; }
    public string ContentType { get; }
    public byte[] Body { get; }
    public DateTimeOffset? LastModified { get; }
    public string? Location { get; }
    public string ETag { get; }

    public bool IsHtml => ContentType.StartsWith("text/html", StringComparison.Ordinal);

    /// <summary>HTTP dates have whole seconds; comparing If-Modified-Since needs the same.</summary>
    static DateTimeOffset TruncateToSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
