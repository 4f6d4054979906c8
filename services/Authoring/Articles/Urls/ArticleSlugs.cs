using JasperFx;
using Marten;
using Marten.Exceptions;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Urls;

/// <summary>What an edit does to the slug: <see cref="Slug"/> the new one (null keeps it), or a refusal.</summary>
public readonly record struct SlugChoice(string? Slug, Decision? Refusal);

/// <summary>
/// The newsroom's slug policy: which slug an article gets, made unique in its section against the
/// <see cref="SlugClaims"/>. A new article takes the slug asked for if it is free, or else one made from its
/// headline ("base", "base-2", ...); an edit keeps the slug unless another is asked for, or the section changes
/// before readers ever saw the article.
/// </summary>
public sealed class ArticleSlugs(SlugClaims claims, Sections sections)
{
    /// <summary>How often a new article tries again after another article took its slug between look-up and commit.</summary>
    public const int Attempts = 10;

    /// <summary>
    /// Starts the stream of a new article and commits it, with its slug claimed in the same transaction. When
    /// another article takes the slug meanwhile, it tries the next free one (a slug asked for is never replaced:
    /// that is a conflict). <paramref name="decide"/> gets the slug and decides the stream's first events.
    /// A stream that exists already throws <see cref="ExistingStreamIdCollisionException"/>.
    /// </summary>
    public async Task<CommandResult<Article>> StartAsync(
        IDocumentSession session, Guid id, string section, string headline, string? requestedSlug,
        Func<string, Decision> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var slug = requestedSlug ?? Slugs.From(headline);
            if (sections.Find(section) is { } found && Slugs.IsValid(slug))
            {
                if (requestedSlug is null) slug = await claims.FreeSlugAsync(session, found.Name, slug, id, ct, spread: attempt);
                else if (!await claims.IsFreeAsync(session, found.Name, slug, id, ct)) return Taken(found.Name, slug);
            }

            var decision = decide(slug);
            if (decision.Refusal is { } refusal) return new CommandResult<Article>.Refused(refusal);

            var article = Article.Fold(decision.Events)!;
            session.Events.StartStream<Article>(id, decision.Events.Cast<object>().ToArray());
            try
            {
                await claims.StageAsync(session, null, article, ct);
                await session.SaveChangesAsync(ct);
                return new CommandResult<Article>.Done(article);
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or SlugTakenException && e is not ExistingStreamIdCollisionException)
            {
                // Another article took this slug a moment ago; the next round picks another free one.
                session.EjectAllPendingChanges();
                if (requestedSlug is not null || attempt == Attempts) return Taken(article.Content.Section, slug);
            }
        }
    }

    /// <summary>
    /// The slug after an edit to <paramref name="requestedSection"/> (null: the article's own) asking for
    /// <paramref name="requestedSlug"/> (null: none): the one asked for if it is free in the section, or —
    /// when the section changes before publication — the current one made unique in the new section.
    /// A slug that is not valid is passed on for the decider to refuse.
    /// </summary>
    public async Task<SlugChoice> ForEditAsync(
        IQuerySession session, Article article, string? requestedSection, string? requestedSlug, CancellationToken ct)
    {
        var section = sections.Find(requestedSection ?? article.Content.Section);
        if (section is null || (requestedSlug is { } s && !Slugs.IsValid(s))) return new(requestedSlug, null);
        var sectionChanges = section.Name != article.Content.Section;

        if (requestedSlug is { } requested)
        {
            if (requested == article.Slug && !sectionChanges) return new(null, null);
            return await claims.IsFreeAsync(session, section.Name, requested, article.Id, ct)
                ? new(requested, null)
                : new(null, Decision.NotAllowed(new SlugTakenException(section.Name, requested).Message));
        }
        return sectionChanges && !article.HasBeenPublic
            ? new(await claims.FreeSlugAsync(session, section.Name, article.Slug, article.Id, ct), null)
            : new(null, null);
    }

    /// <summary>
    /// For a batch staged in one unit of work: the first of "base", "base-2", ... that neither the store nor an
    /// earlier article of the batch holds (<paramref name="taken"/>, claim keys, grows with what it learns).
    /// Only a taken headline slug costs a query (for the claims sharing its stem).
    /// </summary>
    public static async Task<string> FreeInBatchAsync(
        IQuerySession session, string sectionSlug, string baseSlug, HashSet<string> taken, CancellationToken ct)
    {
        if (!taken.Contains(SlugClaim.Key(sectionSlug, baseSlug))) return baseSlug;
        var stem = SlugClaim.Key(sectionSlug, baseSlug[..Math.Min(baseSlug.Length, Slugs.MaxLength - 6)]);
        taken.UnionWith(await session.Query<SlugClaim>().Where(c => c.Id.StartsWith(stem)).Select(c => c.Id).ToListAsync(ct));
        for (var n = 2; ; n++)
        {
            var candidate = Slugs.Numbered(baseSlug, n);
            if (!taken.Contains(SlugClaim.Key(sectionSlug, candidate))) return candidate;
        }
    }

    /// <summary>The conflict of a slug another article holds in the section.</summary>
    public static CommandResult<Article> Taken(string section, string slug) =>
        new CommandResult<Article>.Conflict(new SlugTakenException(section, slug).Message);
}
