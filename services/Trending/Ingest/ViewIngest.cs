using System.Net;
using NewsPlatform.Trending.Catalog;

namespace NewsPlatform.Trending.Ingest;

/// <summary>
/// What became of one beacon, and which reader id the browser should keep (none for bots).
/// <paramref name="Refused"/>: the broker did not confirm the view's batch in time, so it was not accepted.
/// </summary>
public sealed record IngestOutcome(IgnoredReason? Ignored, Guid? ReaderCookie, bool Refused = false)
{
    public bool Accepted => Ignored is null && !Refused;
}

/// <summary>
/// Decides whether a beacon counts on this node — not a bot, a live article, not a repeat this node has
/// seen — and if so waits until the broker has confirmed the batch holding it (group commit). The scorer
/// then applies the repeat rule across all nodes.
/// </summary>
public sealed class ViewIngest(
    LiveArticles catalog, ReaderSalts salts, RepeatFilter repeats, ViewBuffer buffer, IngestStats stats, TimeProvider clock)
{
    public async Task<IngestOutcome> RecordAsync(Guid articleId, string? userAgent, IPAddress? address, string? readerCookie)
    {
        if (BotFilter.IsBot(userAgent)) return Ignore(IgnoredReason.Bot, null);
        switch (catalog.StateOf(articleId))
        {
            case ArticleState.Unknown: return Ignore(IgnoredReason.UnknownArticle, null);
            case ArticleState.NotLive: return Ignore(IgnoredReason.NotPublished, null);
        }

        var now = clock.GetUtcNow();
        if (ReaderIdentity.TryReadCookie(readerCookie, out var reader))
            return repeats.IsRepeat(reader, articleId, now)
                ? Ignore(IgnoredReason.Repeat, reader)
                : await AcceptAsync(new AcceptedView(articleId, now, reader, null), reader);

        // No cookie yet: recognise the reader by the salted hash of address and User-Agent, and hand out
        // a cookie remembered for this view too, so the next beacon (with the cookie) is not a "new" reader.
        var byAddress = ReaderIdentity.FromAddress(salts.For(now), address, userAgent!);
        var issued = Guid.NewGuid();
        var repeat = repeats.IsRepeat(byAddress, articleId, now);
        repeats.Remember(issued, articleId, now);
        return repeat ? Ignore(IgnoredReason.Repeat, issued) : await AcceptAsync(new AcceptedView(articleId, now, byAddress, issued), issued);
    }

    async Task<IngestOutcome> AcceptAsync(AcceptedView view, Guid cookie)
    {
        if (await buffer.Add(view))
        {
            stats.CountAccepted();
            return new IngestOutcome(null, cookie);
        }

        repeats.Release(view.Reader, view.ArticleId, view.At);
        if (view.Alias is { } alias) repeats.Release(alias, view.ArticleId, view.At);
        stats.CountRefused();
        return new IngestOutcome(null, cookie, Refused: true);
    }

    IngestOutcome Ignore(IgnoredReason reason, Guid? reader)
    {
        stats.CountIgnored(reason);
        return new IngestOutcome(reason, reader);
    }
}
