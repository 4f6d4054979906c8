using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsPlatform.Authoring.Articles.Approve;
using NewsPlatform.Authoring.Articles.Correct;
using NewsPlatform.Authoring.Articles.Edit;
using NewsPlatform.Authoring.Articles.Publish;
using NewsPlatform.Authoring.Articles.Schedule;
using NewsPlatform.Authoring.Articles.Submit;
using NewsPlatform.Authoring.Articles.Unpublish;
using NewsPlatform.Authoring.Extensions;
using NewsPlatform.ServiceDefaults.Http;
using NewsPlatform.ServiceDefaults.Security;
using static NewsPlatform.Authoring.Articles.Api.HttpCommands;
using CommandAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<NewsPlatform.Authoring.Articles.Api.ArticleResponse>,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace NewsPlatform.Authoring.Articles.Api;

/// <summary>The editors' article API (API.md "Articles"): writers write and submit, editors do the rest.</summary>
public static partial class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/authoring/articles")
            .WithTags("Articles")
            .RequireAuthorization(Policies.Writer)
            .WithNoStore()
            .AddEndpointFilter(StampSession);

        articles.MapPost("/", Create);
        articles.MapGet("/", List);
        articles.MapGet("/{id:guid}", Get);
        articles.MapPut("/{id:guid}", Edit);
        articles.MapPost("/{id:guid}/submit", Submit);
        articles.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/publish", Publish).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/schedule", Schedule).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/unschedule", Unschedule).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/unpublish", Unpublish).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/corrections", Correct).RequireAuthorization(Policies.Editor);
        articles.MapGet("/{id:guid}/revisions", Revisions);
        articles.MapGet("/{id:guid}/revisions/{version:long}", Revision);
        articles.MapGet("/{id:guid}/diff", Diff);
        articles.MapGet("/{id:guid}/audit", Audit);
        return app;
    }

    static async Task<Results<Created<ArticleResponse>, ProblemHttpResult>> Create(
        CreateArticleRequest request, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct)
    {
        var result = await commands.CreateAsync(request.ToContent(), request.Slug, ActorOf(user), ct);
        if (result is not CommandResult.Done { Article: var article }) return Problem(result);
        http.Response.Headers.ETag = VersionTag.ETag(article.Version);
        return TypedResults.Created($"/api/authoring/articles/{article.Id}", ArticleResponse.From(article, commands.Sections));
    }

    static async Task<CommandAnswer> Edit(
        Guid id, EditArticleRequest request, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct)
    {
        var (present, version) = VersionTag.ReadIfMatch(http.Request);
        if (!present) return PreconditionRequired();
        if (version is null) return VersionTag.InvalidIfMatch();

        var actor = ActorOf(user);
        var result = await commands.ExecuteAsync(id, version, async article =>
        {
            var slug = await TargetSlugAsync(commands, article, request, ct);
            if (slug.Refusal is { } refusal) return refusal;
            var command = new EditArticle(request.ToEdit(), slug.Value, request.Significant ?? false, commands.Now);
            return EditArticle.Decide(article, command, actor, commands.Sections);
        }, ct);
        return Answer(result, http, commands.Sections);
    }

    /// <summary>
    /// The slug after this edit: the one asked for if it is free in the section, or — when the section
    /// changes before publication — the current one made unique in the new section. Null keeps it.
    /// </summary>
    static async Task<(string? Value, Decision? Refusal)> TargetSlugAsync(
        ArticleCommands commands, Article article, EditArticleRequest request, CancellationToken ct)
    {
        var section = commands.Sections.Find(request.Section ?? article.Content.Section);
        if (section is null || (request.Slug is { } s && !Newsroom.Slugs.IsValid(s))) return (request.Slug, null);
        var sectionChanges = section.Name != article.Content.Section;

        if (request.Slug is { } requested)
        {
            if (requested == article.Slug && !sectionChanges) return (null, null);
            return await commands.SlugClaims.IsFreeAsync(commands.Session, section.Name, requested, article.Id, ct)
                ? (requested, null)
                : (null, Decision.NotAllowed($"The slug '{requested}' is already used in {section.Name} by another article."));
        }
        return sectionChanges && !article.HasBeenPublic
            ? (await commands.SlugClaims.FreeSlugAsync(commands.Session, section.Name, article.Slug, article.Id, ct), null)
            : (null, null);
    }

    static Task<CommandAnswer> Submit(Guid id, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, a => SubmitArticle.Decide(a, new SubmitArticle(commands.Now), ActorOf(user)), ct);

    static Task<CommandAnswer> Approve(Guid id, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, a => ApproveArticle.Decide(a, new ApproveArticle(commands.Now), ActorOf(user)), ct);

    static Task<CommandAnswer> Publish(Guid id, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, a => PublishArticle.Decide(a, new PublishArticle(commands.Now), ActorOf(user)), ct);

    static async Task<CommandAnswer> Schedule(
        Guid id, ScheduleRequest request, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct) =>
        request.PublishAt is not { } publishAt
            ? Problem(new CommandResult.Refused(new Refusal(RefusalKind.Invalid, "publishAt: a time to publish at is required.",
                new Dictionary<string, string[]> { ["publishAt"] = ["A time to publish at is required (ISO-8601, e.g. 2025-01-14T12:36:00Z)."] })))
            : await Transition(id, http, commands,
                a => ScheduleArticle.Decide(a, new ScheduleArticle(publishAt.ToUniversalTime(), commands.Now), ActorOf(user)), ct);

    static Task<CommandAnswer> Unschedule(Guid id, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, a => UnscheduleArticle.Decide(a, new UnscheduleArticle(commands.Now), ActorOf(user)), ct);

    static Task<CommandAnswer> Unpublish(
        Guid id, UnpublishRequest request, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, a => UnpublishArticle.Decide(a, new UnpublishArticle(request.Reason ?? "", commands.Now), ActorOf(user)), ct);

    static Task<CommandAnswer> Correct(
        Guid id, CorrectionRequest request, ClaimsPrincipal user, ArticleCommands commands, HttpContext http, CancellationToken ct) =>
        Transition(id, http, commands, a => CorrectArticle.Decide(
            a, new CorrectArticle(request.Note ?? "", request.Changes?.ToEdit(), commands.Now), ActorOf(user), commands.Sections), ct);

    /// <summary>A workflow step. If-Match is optional here; when sent, the step applies only to that version.</summary>
    static async Task<CommandAnswer> Transition(
        Guid id, HttpContext http, ArticleCommands commands, Func<Article, Decision> decide, CancellationToken ct)
    {
        var (present, version) = VersionTag.ReadIfMatch(http.Request);
        if (present && version is null) return VersionTag.InvalidIfMatch();
        var result = await commands.ExecuteAsync(id, version, a => ValueTask.FromResult(decide(a)), ct);
        return Answer(result, http, commands.Sections);
    }
}
