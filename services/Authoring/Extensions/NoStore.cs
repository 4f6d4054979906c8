namespace NewsPlatform.Authoring.Extensions;

/// <summary>
/// Marks the answers of the editorial and account APIs <c>Cache-Control: no-store</c>: they carry
/// tokens, accounts and unpublished drafts, which neither a browser nor a shared cache may keep.
/// </summary>
public static class NoStore
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
