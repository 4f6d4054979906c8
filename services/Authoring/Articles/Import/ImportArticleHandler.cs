using System.Diagnostics;
using Marten;
using Marten.Exceptions;
using NewsPlatform.Authoring.Articles.Urls;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Domain;
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
public sealed class ImportArticleHandler(Sections sections, ArticleSlugs slugs, TimeProvider clock)
{
    public async Task<ImportArticleResult> HandleAsync(IDocumentSession session, ImportArticle command, string user, CancellationToken ct)
    {
        if (await session.Events.FetchStreamStateAsync(command.ArticleId, ct) is not null)
            return await AlreadyExisted(session, command.ArticleId, ct);

        session.LastModifiedBy = user;
        CommandResult<Article> result;
        try
        {
            result = await slugs.StartAsync(session, command.ArticleId, command.Section, command.Headline, requestedSlug: null,
                slug => ImportArticle.Decide(command, slug, sections, user, clock.GetUtcNow()), ct);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another instance imported the same article a moment ago.
            session.EjectAllPendingChanges();
            return await AlreadyExisted(session, command.ArticleId, ct);
        }
        return result switch
        {
            CommandResult<Article>.Done done => new ImportArticleResult(ImportOutcome.Created, command.ArticleId, done.State),
            CommandResult<Article>.Refused { Refusal: var refusal } =>
                new ImportArticleResult(ImportOutcome.Refused, command.ArticleId, null, refusal.Reason, refusal.Errors),
            CommandResult<Article>.Conflict conflict => throw new CommandConflictException(conflict.Reason),
            _ => throw new UnreachableException(result.GetType().Name),
        };
    }

    static async Task<ImportArticleResult> AlreadyExisted(IDocumentSession session, Guid id, CancellationToken ct) =>
        new(ImportOutcome.AlreadyExisted, id, await session.LoadAsync<Article>(id, ct));
}
