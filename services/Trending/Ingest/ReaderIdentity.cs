using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// Who is reading, without knowing who: a random first-party cookie when the browser keeps one, or
/// else a keyed hash of address and User-Agent under the day's salt. The address itself is never
/// stored; once the salt is deleted the hash cannot be linked back, not even by us.
/// </summary>
public static class ReaderIdentity
{
    public const string CookieName = "np_reader";

    public static bool TryReadCookie(string? value, out Guid reader) =>
        Guid.TryParseExact(value, "N", out reader) && reader != Guid.Empty;

    public static string CookieValue(Guid reader) => reader.ToString("N");

    public static Guid FromAddress(ReadOnlySpan<byte> salt, IPAddress? address, string userAgent)
    {
        Span<byte> input = stackalloc byte[16 + 1 + Encoding.UTF8.GetMaxByteCount(Math.Min(userAgent.Length, 512))];
        var length = 0;
        if (address is not null && address.TryWriteBytes(input, out var written)) length = written;
        input[length++] = 0;
        length += Encoding.UTF8.GetBytes(userAgent.AsSpan(0, Math.Min(userAgent.Length, 512)), input[length..]);

        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(salt, input[..length], hash);
        return new Guid(hash[..16]);
    }
}
