using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsPlatform.ReaderFeed.Articles;

/// <summary>
/// A position in the newest-first list of articles: the last item's publication time and id.
/// Opaque to clients (base64url); a cursor stays valid while articles are added.
/// </summary>
public sealed record FeedCursor(DateTimeOffset PublishedAt, Guid Id)
{
    public static FeedCursor After(ArticleView last) => new(last.PublishedAt, last.Id);

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{PublishedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{Id:N}"));

    public static bool TryParse(string? text, out FeedCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 96) return false;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            if (parts.Length != 2
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
                || !Guid.TryParseExact(parts[1], "N", out var id))
                return false;
            cursor = new FeedCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
