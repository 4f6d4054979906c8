namespace NewsPlatform.Authoring.Articles;

/// <summary>Where an article is in the newsroom workflow (JSON: camelCase names, e.g. "inReview").</summary>
public enum ArticleStatus
{
    Draft,
    InReview,
    Approved,
    Scheduled,
    Published,
    Unpublished,
}
