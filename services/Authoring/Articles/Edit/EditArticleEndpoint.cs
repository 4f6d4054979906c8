using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Edit;

/// <summary>
/// A PUT of the article's editable fields. A field left out keeps its value (a client that does not
/// show tags must not wipe them); <see cref="RemoveHeroMedia"/> clears the hero image.
/// </summary>
public sealed record EditArticleRequest(
    string? Headline,
    string? Standfirst,
    string? Body,
    string? Section,
    IReadOnlyList<string>? Authors,
    IReadOnlyList<string>? Tags,
    Guid? HeroMediaId,
    bool? RemoveHeroMedia,
    string? Slug,
    bool? Significant)
{
    public ArticleEdit ToEdit() => new(Headline, Standfirst, Body, Section, Authors, Tags, HeroMediaId, RemoveHeroMedia ?? false);
}

public static class EditArticleEndpoint
{
    /// <summary><c>PUT /api/authoring/articles/{id}</c>: If-Match is required, so that nobody's changes are overwritten.</summary>
    public static async Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Handle(
        Guid id, EditArticleRequest request, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var ifMatch = VersionTag.ReadIfMatch(http.Request);
        if (!ifMatch.Present) return PreconditionRequired();
        if (ifMatch.IsInvalid) return VersionTag.InvalidIfMatch();

        var actor = ActorOf(user);
        var result = await commands.ExecuteAsync(id, ifMatch.Version, async article =>
        {
            var slug = await commands.SlugForEditAsync(article, request.Section, request.Slug, ct);
            if (slug.Refusal is { } refusal) return refusal;
            var command = new EditArticle(request.ToEdit(), slug.Slug, request.Significant ?? false, clock.GetUtcNow());
            return EditArticle.Decide(article, command, actor, sections);
        }, ct);
        return Answer(result, http, sections);
    }
}
