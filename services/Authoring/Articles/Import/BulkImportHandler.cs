using Marten;
using NewsPlatform.Authoring.Articles.Urls;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Import;

/// <summary>
/// Runs many <see cref="ImportArticle"/> commands in one unit of work: one query finds the articles that exist
/// already, one the headline slugs that are taken, and every new stream and slug claim is staged on the session
/// for a single commit. It does not commit: the caller adds its own progress to the same transaction, so the
/// articles and the record of having imported them are written together or not at all.
/// </summary>
public sealed class BulkImportHandler(Sections sections, TimeProvider clock)
{
    /// <summary>One result per command, in order. Refused and already existing commands stage nothing.</summary>
    public async Task<IReadOnlyList<ImportArticleResult>> StageAsync(
        IDocumentSession session, IReadOnlyList<ImportArticle> commands, string user, CancellationToken ct)
    {
        var ids = commands.Select(c => c.ArticleId).Distinct().ToArray();
        var existing = (await session.Query<Article>().Where(a => a.Id.IsOneOf(ids)).Select(a => a.Id).ToListAsync(ct)).ToHashSet();

        var wanted = commands.Select(c => (Section: sections.Find(c.Section), Slug: Slugs.From(c.Headline))).ToList();
        var keys = wanted.Where(w => w.Section is not null).Select(w => SlugClaim.Key(w.Section!.Slug, w.Slug)).Distinct().ToArray();
        var taken = (await session.Query<SlugClaim>().Where(c => c.Id.IsOneOf(keys)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();

        session.LastModifiedBy = user;
        var now = clock.GetUtcNow();
        var results = new List<ImportArticleResult>(commands.Count);
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (!existing.Add(command.ArticleId))
            {
                results.Add(new(ImportOutcome.AlreadyExisted, command.ArticleId, null));
                continue;
            }
            var (section, baseSlug) = wanted[i];
            var slug = section is null ? baseSlug : await ArticleSlugs.FreeInBatchAsync(session, section.Slug, baseSlug, taken, ct);
            var decision = ImportArticle.Decide(command, slug, sections, user, now);
            if (decision.Refusal is { } refusal)
            {
                existing.Remove(command.ArticleId);
                results.Add(new(ImportOutcome.Refused, command.ArticleId, null, refusal.Reason, refusal.Errors));
                continue;
            }
            session.Events.StartStream<Article>(command.ArticleId, decision.Events.Cast<object>().ToArray());
            var key = SlugClaim.Key(section!.Slug, slug);
            session.Insert(new SlugClaim(key, command.ArticleId));
            taken.Add(key);
            results.Add(new(ImportOutcome.Created, command.ArticleId, null));
        }
        return results;
    }
}
