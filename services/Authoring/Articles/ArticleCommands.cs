using JasperFx;
using Marten;
using NewsPlatform.Authoring.Articles.Urls;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles;

/// <summary>
/// Runs the pure article decisions against the request's unit of work: a new stream under a free slug
/// (<see cref="ArticleSlugs.StartAsync"/>), or the shared <see cref="StreamCommands"/> on an existing one
/// with the article's URL claims staged in the same transaction.
/// </summary>
public sealed class ArticleCommands(IDocumentSession session, ArticleSlugs slugs, SlugClaims claims)
{
    /// <summary>Starts a new article; the slug (asked for, or made from the headline) is made unique in its section.</summary>
    public Task<CommandResult<Article>> CreateAsync(
        Guid id, ArticleContent content, string? requestedSlug, Func<string, Decision> decide, CancellationToken ct) =>
        slugs.StartAsync(session, id, content.Section, content.Headline, requestedSlug, decide, ct);

    /// <summary>
    /// Decides on the article's current state and appends the outcome. With <paramref name="expectedVersion"/>
    /// (from If-Match) the command only applies to exactly that version.
    /// </summary>
    public async Task<CommandResult<Article>> ExecuteAsync(
        Guid id, long? expectedVersion, Func<Article, ValueTask<Decision>> decide, CancellationToken ct)
    {
        Article? after = null;
        try
        {
            return await session.RunAsync<Article, IArticleEvent>(id, expectedVersion, decide, ct, async (before, events, token) =>
            {
                after = events.Aggregate(before, (state, e) => Article.When(state, e)!);
                await claims.StageAsync(session, before, after, token);
            });
        }
        catch (DocumentAlreadyExistsException) when (after is not null)
        {
            // Another article claimed the new URL between the look-up and the commit.
            return ArticleSlugs.Taken(after.Content.Section, after.Slug);
        }
    }

    /// <summary>Slug choices for an edit, read in the same unit of work the edit commits in.</summary>
    public Task<SlugChoice> SlugForEditAsync(Article article, string? requestedSection, string? requestedSlug, CancellationToken ct) =>
        slugs.ForEditAsync(session, article, requestedSection, requestedSlug, ct);
}
