using JasperFx.Events;
using Marten.Events.Aggregation;

namespace NewsPlatform.Authoring.Articles;

/// <summary>
/// Keeps the <see cref="Article"/> document current in the same transaction as its events
/// (inline), by the same pure fold the decisions and the history use.
/// </summary>
public sealed class ArticleProjection : SingleStreamProjection<Article, Guid>
{
    public override Article? Evolve(Article? snapshot, Guid id, IEvent e) =>
        Article.When(snapshot, e.Data) is { } next ? next with { Version = e.Version, Sequence = e.Sequence } : snapshot;
}
