using System.Net;
using NewsPlatform.Trending.Catalog;

namespace NewsPlatform.Trending.Ingest;

/// <summary>What became of one beacon, and which reader id the browser should keep (none for bots).</summary>
public sealed record IngestOutcome(IgnoredReason? Ignored, Guid? ReaderCookie)
{
    public bool Accepted => Ignored is null;
}

/// <summary>
/// Decides whether a beacon counts — not a bot, a live article, not a repeat of this reader within the
/// window — and buffers it if so. Memory only: the request never waits for the broker or the database.
/// </summary>
public sealed class ViewIngest(
    LiveArticles catalog, ReaderSalts salts, RepeatFilter repeats, ViewBuffer buffer, IngestStats stats, TrendingClock clock)
{
    public IngestOutcome Record(Guid articleId, string? userAgent, IPAddress? address, string? readerCookie)
    {
        if (BotFilter.IsBot(userAgent)) return Ignore(IgnoredReason.Bot, null);
        switch (catalog.StateOf(articleId))
        {
            case ArticleState.Unknown: return Ignore(IgnoredReason.UnknownArticle, null);
            case ArticleState.NotLive: return Ignore(IgnoredReason.NotPublished, null);
        }

        var now = clock.UtcNow;
        if (ReaderIdentity.TryReadCookie(readerCookie, out var reader))
            return repeats.IsRepeat(reader, articleId, now) ? Ignore(IgnoredReason.Repeat, reader) : Accept(articleId, now, reader);

        // No cookie yet: recognise the reader by the salted hash of address and User-Agent, and hand out
        // a cookie remembered for this view too, so the next beacon (with the cookie) is not a "new" reader.
        var byAddress = ReaderIdentity.FromAddress(salts.For(now), address, userAgent!);
        var issued = Guid.NewGuid();
        if (repeats.IsRepeat(byAddress, articleId, now)) return Ignore(IgnoredReason.Repeat, issued);
        repeats.Remember(issued, articleId, now);
        return Accept(articleId, now, issued);
    }

    IngestOutcome Accept(Guid articleId, DateTimeOffset now, Guid reader)
    {
        buffer.Add(articleId, now);
        stats.CountAccepted();
        return new IngestOutcome(null, reader);
    }

    IngestOutcome Ignore(IgnoredReason reason, Guid? reader)
    {
        stats.CountIgnored(reason);
        return new IngestOutcome(reason, reader);
    }
}
