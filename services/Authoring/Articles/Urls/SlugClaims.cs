using Marten;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Domain;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Urls;

/// <summary>
/// One row per URL an article holds or has held, keyed "{section}/{slug}". Inserted in the same
/// transaction as the article's events, so two articles can never end up with one URL: the
/// second insert fails and its command retries with the next free slug.
/// </summary>
public sealed record SlugClaim(string Id, Guid ArticleId)
{
    public static string Key(string sectionSlug, string slug) => $"{sectionSlug}/{slug}";
}

/// <summary>The URL is held by another article; a command answers it as a 409 conflict.</summary>
public sealed class SlugTakenException(string section, string slug)
    : CommandConflictException($"The slug '{slug}' is already used in {section} by another article.");

public sealed class SlugClaims(Sections sections)
{
    /// <summary>
    /// The first of "base", "base-2", "base-3", ... that is free in the section or already this article's.
    /// After losing a race for a slug, a command asks again with a wider <paramref name="spread"/>: it then
    /// takes one of the first few free slugs at random, so that many writers racing for one headline
    /// do not all collide again on the same next number.
    /// </summary>
    public async Task<string> FreeSlugAsync(IQuerySession session, string section, string baseSlug, Guid articleId, CancellationToken ct, int spread = 1)
    {
        var sectionSlug = SectionSlug(section);
        var stem = baseSlug[..Math.Min(baseSlug.Length, Slugs.MaxLength - 6)];
        var claims = await session.Query<SlugClaim>()
            .Where(c => c.Id.StartsWith(SlugClaim.Key(sectionSlug, stem)))
            .ToListAsync(ct);
        var owners = claims.ToDictionary(c => c.Id, c => c.ArticleId);
        var free = new List<string>();
        for (var n = 1; free.Count < Math.Max(1, spread); n++)
        {
            var candidate = Slugs.Numbered(baseSlug, n);
            if (!owners.TryGetValue(SlugClaim.Key(sectionSlug, candidate), out var owner)) free.Add(candidate);
            else if (owner == articleId) return candidate;
        }
        return free[Random.Shared.Next(free.Count)];
    }

    /// <summary>Whether <paramref name="slug"/> is free in the section for this article (unclaimed or its own).</summary>
    public async Task<bool> IsFreeAsync(IQuerySession session, string section, string slug, Guid articleId, CancellationToken ct) =>
        await session.LoadAsync<SlugClaim>(SlugClaim.Key(SectionSlug(section), slug), ct) is not { } claim || claim.ArticleId == articleId;

    /// <summary>
    /// Stages the claim changes between two states of an article: the new URL is claimed; the old one
    /// is released only if readers never saw it (a URL readers saw redirects for ever).
    /// </summary>
    public async Task StageAsync(IDocumentSession session, Article? before, Article after, CancellationToken ct)
    {
        var newKey = KeyOf(after);
        var oldKey = before is null ? null : KeyOf(before);
        if (newKey == oldKey) return;

        var existing = await session.LoadAsync<SlugClaim>(newKey, ct);
        if (existing is null) session.Insert(new SlugClaim(newKey, after.Id));
        else if (existing.ArticleId != after.Id) throw new SlugTakenException(after.Content.Section, after.Slug);

        if (oldKey is not null && !before!.HasBeenPublic) session.Delete<SlugClaim>(oldKey);
    }

    string KeyOf(Article article) => SlugClaim.Key(SectionSlug(article.Content.Section), article.Slug);

    string SectionSlug(string section) => sections.Find(section)?.Slug ?? Slugs.From(section);
}
