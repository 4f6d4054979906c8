using System.Security.Cryptography;
using System.Text;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Import;

/// <summary>
/// Bring an existing article into the newsroom (the seeds, an archive). <paramref name="PublishedAt"/>
/// null makes a draft; a past time publishes it under that original time; a future time schedules
/// it. <paramref name="PhotoCredit"/> names a hero photo that exists only as a credit.
/// </summary>
public sealed record ImportArticle(
    Guid ArticleId,
    string Headline,
    string Standfirst,
    string Body,
    string Section,
    IReadOnlyList<string> Authors,
    DateTimeOffset? PublishedAt,
    string? PhotoCredit)
{
    public const int PhotoCreditMax = 300;

    /// <summary>
    /// The events of the new article's stream. <paramref name="slug"/> is already free in the section;
    /// <paramref name="user"/> is who runs the import.
    /// </summary>
    public static Decision Decide(ImportArticle command, string slug, Sections sections, string user, DateTimeOffset now)
    {
        var heroMediaId = string.IsNullOrWhiteSpace(command.PhotoCredit) ? (Guid?)null : HeroMediaIdFor(command.ArticleId);
        var (content, errors) = ArticleRules.Normalize(
            new ArticleContent(command.Headline, command.Standfirst, command.Body, command.Section, command.Authors, [], heroMediaId),
            sections);
        if (command.PhotoCredit?.Trim().Length > PhotoCreditMax) errors["photoCredit"] = [$"At most {PhotoCreditMax} characters."];
        if (!Slugs.IsValid(slug)) errors["slug"] = [$"'{slug}' is not a valid slug."];
        if (errors.Count > 0) return Decision.Invalid("article", errors);

        var events = new List<IArticleEvent> { new ArticleDrafted(command.ArticleId, content, slug, user, now) };
        if (heroMediaId is { } mediaId)
            events.Add(new HeroCreditImported(mediaId, command.PhotoCredit!.Trim(), null, now));
        if (command.PublishedAt is { } publishedAt)
        {
            if (ArticleRules.RefuseUnpublishable(content, "imported as published") is { } refusal) return refusal;
            events.Add(publishedAt > now
                ? new ArticleScheduled(publishedAt, now)
                : new ArticlePublished(publishedAt, null, now));
        }
        return Decision.Accept(events);
    }

    /// <summary>
    /// The hero photo's media id, derived from the article id alone, so that importing the same
    /// article twice (or on two instances) names the same photo.
    /// </summary>
    public static Guid HeroMediaIdFor(Guid articleId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"newsplatform:hero-media:{articleId:N}"));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (custom, RFC 9562), in Guid's little-endian layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
