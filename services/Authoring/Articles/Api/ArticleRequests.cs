using NewsPlatform.Authoring.Articles.Edit;

namespace NewsPlatform.Authoring.Articles.Api;

public sealed record CreateArticleRequest(
    string? Headline,
    string? Standfirst,
    string? Body,
    string? Section,
    IReadOnlyList<string>? Authors,
    Guid? HeroMediaId,
    string? Slug,
    IReadOnlyList<string>? Tags)
{
    public ArticleContent ToContent() =>
        new(Headline ?? "", Standfirst ?? "", Body ?? "", Section ?? "", Authors ?? [], Tags ?? [], HeroMediaId);
}

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

public sealed record ScheduleRequest(DateTimeOffset? PublishAt);

public sealed record UnpublishRequest(string? Reason);

public sealed record CorrectionChanges(
    string? Headline, string? Standfirst, string? Body, IReadOnlyList<string>? Authors, IReadOnlyList<string>? Tags, Guid? HeroMediaId)
{
    public ArticleEdit ToEdit() => new(Headline, Standfirst, Body, null, Authors, Tags, HeroMediaId);
}

public sealed record CorrectionRequest(string? Note, CorrectionChanges? Changes);
