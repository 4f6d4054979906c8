using JasperFx;
using Marten;
using Marten.Exceptions;
using NewsPlatform.Authoring.Articles.Urls;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Import;

public enum ImportOutcome
{
    /// <summary>The article's stream was written (and committed).</summary>
    Created,
    /// <summary>A stream with that id exists already; nothing was changed.</summary>
    AlreadyExisted,
    /// <summary>The import was refused; <see cref="ImportArticleResult.Reason"/> says why. Nothing was changed.</summary>
    Refused,
}

/// <param name="Article">The article as it now stands (null when refused).</param>
/// <param name="Errors">Field-by-field problems when refused for invalid input.</param>
public sealed record ImportArticleResult(
    ImportOutcome Outcome, Guid ArticleId, Article? Article, string? Reason = null, IReadOnlyDictionary<string, string[]>? Errors = null);

/// <summary>
/// Runs <see cref="ImportArticle"/> against the event store. Idempotent: an article id that already
/// has a stream is left exactly as it is — also when two instances import it at the same moment.
/// Commits on the session it is given.
/// </summary>
public sealed class ImportArticleHandler(Sections sections, SlugClaims slugClaims, TimeProvider clock)
{
    const int Attempts = 10;

    public async Task<ImportArticleResult> HandleAsync(IDocumentSession session, ImportArticle command, string user, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await session.Events.FetchStreamStateAsync(command.ArticleId, ct) is not null)
                return await AlreadyExisted(session, command.ArticleId, ct);

            var slug = sections.Find(command.Section) is { } section
                ? await slugClaims.FreeSlugAsync(session, section.Name, Slugs.From(command.Headline), command.ArticleId, ct, spread: attempt)
                : Slugs.From(command.Headline);
            var decision = ImportArticle.Decide(command, slug, sections, user, clock.GetUtcNow());
            if (decision.Refusal is { } refusal)
                return new ImportArticleResult(ImportOutcome.Refused, command.ArticleId, null, refusal.Reason, refusal.Errors);

            var article = Article.Fold(decision.Events)!;
            session.LastModifiedBy = user;
            session.Events.StartStream<Article>(command.ArticleId, decision.Events.Cast<object>().ToArray());
            try
            {
                await slugClaims.StageAsync(session, null, article, ct);
                await session.SaveChangesAsync(ct);
                return new ImportArticleResult(ImportOutcome.Created, command.ArticleId, article);
            }
            catch (ExistingStreamIdCollisionException)
            {
                session.EjectAllPendingChanges();
                return await AlreadyExisted(session, command.ArticleId, ct);
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or SlugTakenException && attempt < Attempts)
            {
                // Another article took the slug between our look-up and our commit: pick the next one.
                session.EjectAllPendingChanges();
            }
        }
    }

    static async Task<ImportArticleResult> AlreadyExisted(IDocumentSession session, Guid id, CancellationToken ct) =>
        new(ImportOutcome.AlreadyExisted, id, await session.LoadAsync<Article>(id, ct));
}
