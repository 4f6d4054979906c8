using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Articles.Create;

/// <summary>Start a draft. <paramref name="Slug"/> is already unique in its section (see <c>SlugClaims</c>).</summary>
public sealed record CreateArticle(Guid ArticleId, ArticleContent Content, string Slug, DateTimeOffset At)
{
    public static Decision Decide(CreateArticle command, Actor actor, Sections sections)
    {
        if (!actor.IsWriter) return Decision.Forbidden("Only newsroom staff can write articles.");

        var (content, errors) = ArticleRules.Normalize(command.Content, sections);
        if (!Slugs.IsValid(command.Slug))
            errors["slug"] = ["Use lower-case letters, digits and single hyphens, e.g. 'north-korea-talks'."];
        if (errors.Count > 0) return Decision.Invalid("article", errors);

        return Decision.Accept(new ArticleDrafted(command.ArticleId, content, command.Slug, actor.Email, command.At));
    }
}
