using NewsPlatform.Authoring.Import.Parsing;

namespace NewsPlatform.Authoring.Import;

/// <summary>
/// The id an imported text's article gets, derived from the text itself: importing the same article again —
/// after a restart, from a second Authoring instance, or re-saved with other line endings — addresses the same
/// stream, so the event store's stream uniqueness, not a lookup, prevents a second copy. (The hero photo's
/// media id is in turn derived from this id by <c>ImportArticle.HeroMediaIdFor</c>.)
/// </summary>
public static class ImportIds
{
    // Fixed forever: a new namespace would give every archive article a new id on its next import.
    private static readonly Guid ArticleNamespace = Guid.Parse("6f1c3c8e-2d0b-5a52-9a49-3b8f1d7c2e11");

    /// <summary>A name-based UUID over the text as the parser reads it (see <see cref="SeedText.Normalise"/>).</summary>
    public static Guid ArticleId(string text) => NameBasedGuid.Create(ArticleNamespace, SeedText.Normalise(text));
}
