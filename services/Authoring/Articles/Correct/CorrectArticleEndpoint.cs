using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Edit;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.ServiceDefaults.Newsroom;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;

namespace NewsPlatform.Authoring.Articles.Correct;

public sealed record CorrectionChanges(
    string? Headline, string? Standfirst, string? Body, IReadOnlyList<string>? Authors, IReadOnlyList<string>? Tags, Guid? HeroMediaId)
{
    public ArticleEdit ToEdit() => new(Headline, Standfirst, Body, null, Authors, Tags, HeroMediaId);
}

public sealed record CorrectionRequest(string? Note, CorrectionChanges? Changes);

public static class CorrectArticleEndpoint
{
    /// <summary><c>POST /api/authoring/articles/{id}/corrections</c> (editor): a note readers see, and optionally corrected content.</summary>
    public static Task<Results<Ok<ArticleResponse>, ProblemHttpResult>> Handle(
        Guid id, CorrectionRequest request, ClaimsPrincipal user, ArticleCommands commands, Sections sections, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, sections, article => CorrectArticle.Decide(
            article, new CorrectArticle(request.Note ?? "", request.Changes?.ToEdit(), clock.GetUtcNow()), ActorOf(user), sections), ct);
}
