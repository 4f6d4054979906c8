using NewsPlatform.Contracts;
using NewsPlatform.Contracts.Trending;
using NewsPlatform.ReaderFeed.Articles;
using NewsPlatform.ReaderFeed.Media;
using NewsPlatform.ReaderFeed.Trending;

namespace NewsPlatform.ReaderFeed.EventLog;

/// <summary>
/// Read models folded in memory from a sequence of logged events — what a rebuild writes once <see cref="Complete"/>d.
/// A rebuild folds one chunk of streams per set; the Trending Now lists, given by the caller, can span chunks.
/// </summary>
public sealed class ReadModelSet(Dictionary<string, TrendingView>? trending = null)
{
    public Dictionary<Guid, ArticleView> Articles { get; } = new();
    public Dictionary<Guid, MediaView> Media { get; } = new();
    public Dictionary<string, TrendingView> Trending { get; } = trending ?? new(StringComparer.Ordinal);
    public long Events { get; private set; }

    public void Apply(object message)
    {
        switch (message)
        {
            case TrendingChangedV1 t:
                var scope = TrendingFold.ScopeOf(t);
                Trending[scope] = TrendingFold.Apply(Trending.GetValueOrDefault(scope), t);
                break;
            case IStreamIntegrationEvent e when ArticleFold.Handles(e):
                var articleId = ArticleFold.IdOf(e);
                Articles[articleId] = ArticleFold.Accumulate(Articles.GetValueOrDefault(articleId), e);
                break;
            case IStreamIntegrationEvent e when MediaFold.Handles(e):
                var mediaId = MediaFold.IdOf(e);
                Media[mediaId] = MediaFold.Apply(Media.GetValueOrDefault(mediaId), e);
                break;
            default:
                throw new ArgumentException($"{message.GetType().Name} is not an event ReaderFeed keeps.", nameof(message));
        }
        Events++;
    }

    /// <summary>Computes the articles' derived fields once all events are in (see <see cref="ArticleFold.Accumulate"/>).</summary>
    public ReadModelSet Complete()
    {
        foreach (var (id, view) in Articles.ToList()) Articles[id] = ArticleFold.Derive(view);
        return this;
    }
}
