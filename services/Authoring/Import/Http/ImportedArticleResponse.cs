using System.Text.Json;
using NewsPlatform.Authoring.Articles;

namespace NewsPlatform.Authoring.Import.Http;

/// <summary>The article JSON of the HTTP contract (API.md), plus the imported photo credit.</summary>
public sealed record ImportedArticleResponse(
    Guid Id,
    long Version,
    string Status,
    string Headline,
    string Standfirst,
    string Body,
    string Section,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Tags,
    string Slug,
    Guid? HeroMediaId,
    string? HeroCredit,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? ScheduledFor,
    IReadOnlyList<ImportedArticleCorrection> Corrections)
{
    public static ImportedArticleResponse From(Article article) => new(
        article.Id,
        article.Version,
        JsonNamingPolicy.CamelCase.ConvertName(article.Status.ToString()),
        article.Content.Headline,
        article.Content.Standfirst,
        article.Content.Body,
        article.Content.Section,
        article.Content.Authors,
        article.Content.Tags,
        article.Slug,
        article.Content.HeroMediaId,
        article.HeroCredit,
        article.CreatedAt,
        article.PublishedAt,
        article.UpdatedAt,
        article.ScheduledFor,
        article.Corrections.Select(c => new ImportedArticleCorrection(c.Note, c.At)).ToList());
}

public sealed record ImportedArticleCorrection(string Note, DateTimeOffset At);
