using System.Security.Cryptography;
using System.Text;
using NewsPlatform.Contracts.Trending;

namespace NewsPlatform.ReaderFeed.Trending;

/// <summary>Keeps the list with the newest <c>AsOf</c> per scope; an older list arriving late changes nothing.</summary>
public static class TrendingFold
{
    public static string ScopeOf(TrendingChangedV1 e) => e.Section is { Length: > 0 } section ? section : TrendingView.SiteWide;

    /// <summary>The event-log stream of a scope: a stable id derived from its name.</summary>
    public static Guid StreamIdOf(string scope) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes("readerfeed:trending:" + scope)));

    public static TrendingView Apply(TrendingView? current, TrendingChangedV1 e)
    {
        if (current is not null && (current.AsOf > e.AsOf || (current.AsOf == e.AsOf && current.EventId.CompareTo(e.EventId) >= 0)))
            return current;
        return new TrendingView { Id = ScopeOf(e), AsOf = e.AsOf, EventId = e.EventId, Items = e.Items };
    }
}
