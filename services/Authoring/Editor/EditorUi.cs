using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsPlatform.Authoring.Newsroom;
using NewsPlatform.Rendering;
using NewsPlatform.ServiceDefaults.Newsroom;

namespace NewsPlatform.Authoring.Editor;

/// <summary>
/// The newsroom's editor at <c>/editor</c>: one server-rendered page, its embedded scripts and
/// styles, and a Markdown preview endpoint. The preview renders with <see cref="ArticleBody"/>, as the site does,
/// so it shows the body exactly as readers will get it. Everything else it does goes through the public API.
/// </summary>
public static class EditorUi
{
    /// <summary>Strict: the page runs only its own files, talks only to its own origin, and cannot be framed.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    public const long MaxPreviewRequestBytes = 2 * 1024 * 1024;

    /// <summary>The longest body the preview renders, in characters.</summary>
    public const int MaxPreviewBodyLength = 200_000;

    public static IEndpointRouteBuilder MapEditorUi(this IEndpointRouteBuilder app)
    {
        // Built here rather than registered in DI: the editor is self-contained and read-only after start.
        var assets = new EditorAssets();
        var settings = EditorSettings.From(
            app.ServiceProvider.GetRequiredService<Sections>(), app.ServiceProvider.GetRequiredService<IConfiguration>());
        var shell = new EditorShell(assets, settings);
        var body = new ArticleBody();

        var editor = app.MapGroup("/editor").AddEndpointFilter(async (context, next) =>
        {
            AddSecurityHeaders(context.HttpContext.Response.Headers);
            return await next(context);
        });

        // Routing ignores a trailing slash: this answers both /editor and /editor/.
        editor.MapGet("/", (HttpContext context) => Page(context, shell)).ExcludeFromDescription();
        editor.MapGet("/assets/{name}", (string name, HttpContext context) => Asset(name, context, assets)).ExcludeFromDescription();
        editor.MapPost("/api/preview", (PreviewRequest request) => Preview(request, body))
            .RequireAuthorization(Policies.Writer)
            // Room for the longest body even as escaped JSON, and no more.
            .WithMetadata(new RequestSizeLimitAttribute(MaxPreviewRequestBytes))
            .WithName("PreviewMarkdown")
            .WithSummary("Renders an article body (CommonMark) to the sanitised HTML readers get, for the editor's live preview.");
        return app;
    }

    static void AddSecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
    }

    static FileContentHttpResult Page(HttpContext context, EditorShell shell)
    {
        // The page itself carries no data, but a stale copy could load scripts it does not match.
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(shell.Html, "text/html; charset=utf-8");
    }

    static Results<FileContentHttpResult, StatusCodeHttpResult, NotFound> Asset(string name, HttpContext context, EditorAssets assets)
    {
        if (name == "editor.html" || assets.Find(name) is not { } asset) return TypedResults.NotFound();
        // Revalidated on every load so a deployment never mixes old and new scripts.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.File(asset.Content, asset.ContentType);
    }

    public sealed record PreviewRequest(string? Markdown);

    public sealed record PreviewResponse(string Html);

    static Results<Ok<PreviewResponse>, ProblemHttpResult> Preview(PreviewRequest request, ArticleBody body)
    {
        var markdown = request.Markdown ?? "";
        if (markdown.Length > MaxPreviewBodyLength)
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The body is too long to preview",
                detail: $"'markdown' has {markdown.Length} characters; the preview renders at most {MaxPreviewBodyLength}.");
        return TypedResults.Ok(new PreviewResponse(body.ToHtml(markdown)));
    }
}
