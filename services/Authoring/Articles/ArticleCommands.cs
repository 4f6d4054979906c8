using JasperFx;
using JasperFx.Events;
using Marten;
using NewsPlatform.Authoring.Articles.Create;
using NewsPlatform.Authoring.Articles.Urls;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles;

/// <summary>
/// Runs the pure decisions against the Article streams: load with the expected version, decide,
/// append, commit. Optimistic concurrency on the stream turns a lost race into
/// <see cref="CommandResult.Stale"/> or <see cref="CommandResult.Conflict"/>, never an overwrite.
/// </summary>
public sealed class ArticleCommands(IDocumentSession session, SlugClaims slugClaims, Sections sections, TimeProvider clock)
{
    const int SlugAttempts = 10;

    public DateTimeOffset Now => clock.GetUtcNow();
    public Sections Sections => sections;
    public SlugClaims SlugClaims => slugClaims;
    public IDocumentSession Session => session;

    /// <summary>Starts a new article; the slug (asked for, or made from the headline) is made unique in its section.</summary>
    public async Task<CommandResult> CreateAsync(ArticleContent content, string? requestedSlug, Actor actor, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        for (var attempt = 1; ; attempt++)
        {
            var slug = requestedSlug ?? Slugs.From(content.Headline);
            if (sections.Find(content.Section) is { } section && Slugs.IsValid(slug))
            {
                if (requestedSlug is null) slug = await slugClaims.FreeSlugAsync(session, section.Name, slug, id, ct, spread: attempt);
                else if (!await slugClaims.IsFreeAsync(session, section.Name, slug, id, ct)) return SlugTaken(section.Name, slug);
            }

            var decision = CreateArticle.Decide(new CreateArticle(id, content, slug, Now), actor, sections);
            if (decision.Refusal is { } refusal) return new CommandResult.Refused(refusal);

            var article = Article.Fold(decision.Events)!;
            session.Events.StartStream<Article>(id, decision.Events.Cast<object>().ToArray());
            try
            {
                await slugClaims.StageAsync(session, null, article, ct);
                await session.SaveChangesAsync(ct);
                return new CommandResult.Done(article);
            }
            catch (Exception e) when (e is DocumentAlreadyExistsException or SlugTakenException)
            {
                // Another article took this slug a moment ago; the next round picks another free one.
                session.EjectAllPendingChanges();
                if (requestedSlug is not null || attempt == SlugAttempts) return SlugTaken(article.Content.Section, slug);
            }
        }
    }

    /// <summary>
    /// Decides on the article's current state and appends the outcome. With <paramref name="expectedVersion"/>
    /// (from If-Match) the command only applies to exactly that version.
    /// </summary>
    public async Task<CommandResult> ExecuteAsync(
        Guid id, long? expectedVersion, Func<Article, ValueTask<Decision>> decide, CancellationToken ct)
    {
        IEventStream<Article> stream;
        try
        {
            stream = expectedVersion is { } expected
                ? await session.Events.FetchForWriting<Article>(id, expected, ct)
                : await session.Events.FetchForWriting<Article>(id, ct);
        }
        catch (ConcurrencyException)
        {
            var current = await session.Events.FetchStreamStateAsync(id, ct);
            return current is null ? new CommandResult.NotFound() : new CommandResult.Stale(expectedVersion!.Value, current.Version);
        }
        if (stream.Aggregate is not { } before) return new CommandResult.NotFound();

        var decision = await decide(before);
        if (decision.Refusal is { } refusal) return new CommandResult.Refused(refusal);
        if (decision.Events.Count == 0) return new CommandResult.Done(before);

        var after = decision.Events.Aggregate((Article?)before, (state, e) => Article.When(state, e))!;
        stream.AppendMany(decision.Events.Cast<object>().ToArray());
        try
        {
            await slugClaims.StageAsync(session, before, after, ct);
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException) when (expectedVersion is { } expected)
        {
            return new CommandResult.Stale(expected, null);
        }
        catch (ConcurrencyException)
        {
            return new CommandResult.Conflict("Someone else changed the article at the same moment; reload it and try again.");
        }
        catch (SlugTakenException taken)
        {
            return new CommandResult.Conflict(taken.Message);
        }
        catch (DocumentAlreadyExistsException)
        {
            return SlugTaken(after.Content.Section, after.Slug);
        }
        return new CommandResult.Done(after);
    }

    static CommandResult SlugTaken(string section, string slug) =>
        new CommandResult.Conflict(new SlugTakenException(section, slug).Message);
}
