using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>
/// A position in one search's results: the moment the search was first made (which fixes the set of articles
/// and the recency in every score) and the last result's score and id. Opaque to clients (base64url); pages
/// fetched with it neither repeat nor skip results while new articles are published.
/// </summary>
public sealed record SearchCursor(DateTimeOffset AsOf, double Score, Guid Id)
{
    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{AsOf.ToUnixTimeMilliseconds()}:{Score:R}:{Id:N}")));

    public static bool TryParse(string? text, out SearchCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 128) return false;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length != 3
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
                || milliseconds > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score)
                || !double.IsFinite(score)
                || !Guid.TryParseExact(parts[2], "N", out var id))
                return false;
            cursor = new SearchCursor(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), score, id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
