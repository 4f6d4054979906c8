using NewsPlatform.Authoring.Import.Parsing;

namespace NewsPlatform.Authoring.Import;

/// <summary>
/// The ids an imported text gets, derived from the text itself: importing the same article again — after a
/// restart, from a second Authoring instance, or re-saved with other line endings — addresses the same stream,
/// so the event store's stream uniqueness, not a lookup, prevents a second copy.
/// </summary>
public static class ImportIds
{
    // Fixed forever: changing either namespace would give every archive article a new id on the next import.
    private static readonly Guid ArticleNamespace = Guid.Parse("6f1c3c8e-2d0b-5a52-9a49-3b8f1d7c2e11");
    private static readonly Guid HeroMediaNamespace = Guid.Parse("b3a7e0d4-91c5-5f26-8e1b-7c4d2a9f6e03");

    /// <summary>The article's id: a name-based UUID over the text as the parser reads it (see <see cref="SeedText.Normalise"/>).</summary>
    public static Guid ArticleId(string text) => NameBasedGuid.Create(ArticleNamespace, SeedText.Normalise(text));

    /// <summary>The credit-only hero photo's media id, one per imported article.</summary>
    public static Guid HeroMediaId(Guid articleId) => NameBasedGuid.Create(HeroMediaNamespace, articleId.ToString("D"));
}
