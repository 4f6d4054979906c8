using NewsPlatform.Authoring.Articles.Approve;
using NewsPlatform.Authoring.Articles.Correct;
using NewsPlatform.Authoring.Articles.Create;
using NewsPlatform.Authoring.Articles.Edit;
using NewsPlatform.Authoring.Articles.History;
using NewsPlatform.Authoring.Articles.Publish;
using NewsPlatform.Authoring.Articles.Read;
using NewsPlatform.Authoring.Articles.Schedule;
using NewsPlatform.Authoring.Articles.Submit;
using NewsPlatform.Authoring.Articles.Unpublish;
using NewsPlatform.Authoring.Extensions;

namespace NewsPlatform.Authoring.Articles.Api;

/// <summary>
/// The editors' article API (API.md "Articles"): writers write and submit, editors do the rest. Each route's
/// handler sits in its use case's folder, next to the decider it runs.
/// </summary>
public static class ArticlesApi
{
    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var articles = app.MapGroup("/api/authoring/articles")
            .WithTags("Articles")
            .RequireAuthorization(Policies.Writer)
            .WithNoStore()
            .AddEndpointFilter(HttpCommands.StampSession);

        articles.MapPost("/", CreateArticleEndpoint.Handle);
        articles.MapGet("/", ListArticles.Handle);
        articles.MapGet("/{id:guid}", GetArticle.Handle);
        articles.MapPut("/{id:guid}", EditArticleEndpoint.Handle);
        articles.MapPost("/{id:guid}/submit", SubmitArticleEndpoint.Handle);
        articles.MapPost("/{id:guid}/approve", ApproveArticleEndpoint.Handle).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/publish", PublishArticleEndpoint.Handle).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/schedule", ScheduleArticleEndpoint.Handle).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/unschedule", UnscheduleArticleEndpoint.Handle).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/unpublish", UnpublishArticleEndpoint.Handle).RequireAuthorization(Policies.Editor);
        articles.MapPost("/{id:guid}/corrections", CorrectArticleEndpoint.Handle).RequireAuthorization(Policies.Editor);
        articles.MapGet("/{id:guid}/revisions", ArticleHistoryEndpoints.Revisions);
        articles.MapGet("/{id:guid}/revisions/{version:long}", ArticleHistoryEndpoints.Revision);
        articles.MapGet("/{id:guid}/diff", ArticleHistoryEndpoints.Diff);
        articles.MapGet("/{id:guid}/audit", ArticleHistoryEndpoints.Audit);
        return app;
    }
}
